"""Plugin discovery and the typed façade over pluggy.

Every plugin, built-in or third-party, comes from the entry-point group ``convertkit``.
Entry points load sorted by name, each in its own ``try``: a broken plugin is recorded
as a :class:`PluginLoadError` and reported in one line; the others keep working.
Nothing outside this module touches ``pm.hook``.
"""
from __future__ import annotations

import os
import sys
import types
from dataclasses import dataclass
from typing import Any, Iterable

import pluggy

from . import hookspecs
from .entrypoints import entry_points
from .registry import Registry
from .value import Value, _set

GROUP = "convertkit"
REGISTER_HOOKS = ("convertkit_register_readers", "convertkit_register_writers", "convertkit_register_transforms")


@dataclass(init=False, eq=False, repr=False)
class PluginLoadError(Value):
    """A plugin that failed to load or to register: which, from where, and why."""

    name: str
    dist: str
    version: str
    error: str

    def __init__(self, name: str, dist: str, version: str, error: str) -> None:
        _set(self, "name", name)
        _set(self, "dist", dist)
        _set(self, "version", version)
        _set(self, "error", error)

    def __str__(self) -> str:
        origin = f" ({self.dist} {self.version})".rstrip() if self.dist else ""
        return f'failed to load plugin "{self.name}"{origin}: {self.error}'


@dataclass(init=False, eq=False, repr=False)
class PluginInfo(Value):
    """One loaded plugin as ``convertkit plugins`` lists it."""

    name: str
    dist: str
    version: str

    def __init__(self, name: str, dist: str, version: str) -> None:
        _set(self, "name", name)
        _set(self, "dist", dist)
        _set(self, "version", version)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class _prints_to_stderr:
    """While plugin code runs at load or detection, what it prints goes to stderr: stdout
    may be the document (``-o -``)."""

    def __enter__(self) -> None:
        self.saved = sys.stdout
        sys.stdout = sys.stderr

    def __exit__(self, *exc: Any) -> None:
        sys.stdout = self.saved


def _names_in(variable: str) -> set[str]:
    raw = os.environ.get(variable, "")
    return {p.strip() for p in raw.split(",") if p.strip()}


def _disabled() -> set[str]:
    return _names_in("CONVERTKIT_DISABLE_PLUGINS")


def _misnamed(plugin: Any) -> list[str]:
    """Names of ``@convertkit.hookimpl`` functions that :class:`_Manager` would not see,
    because their name does not start with ``convertkit_`` (``specname=`` is not honoured)."""
    spaces = [getattr(plugin, "__dict__", {})]
    if not isinstance(plugin, types.ModuleType):
        spaces += [vars(k) for k in type(plugin).__mro__]
    found = set()
    for space in spaces:
        for n, v in space.items():
            fn = v.__func__ if isinstance(v, (staticmethod, classmethod)) else v
            # functions only: another object's attribute lookup may run code (a lazy module)
            if not n.startswith("convertkit_") and isinstance(fn, types.FunctionType) and \
                    hasattr(fn, "convertkit_impl"):
                found.add(n)
    return sorted(found)


class _Manager(pluggy.PluginManager):
    """pluggy's manager, looking only at names that start with ``convertkit_`` (as pytest
    looks only at ``pytest_`` names): a hook implementation is named after its hook, and a
    plugin module's other names (its imports and helpers, some 170 for the built-ins) are
    not inspected one by one at every start."""

    def parse_hookimpl_opts(self, plugin: Any, name: str) -> Any:
        if not name.startswith("convertkit_"):
            return None
        return super().parse_hookimpl_opts(plugin, name)


class Plugins:
    """The loaded plugins and the registry they filled."""

    def __init__(self, extra: Iterable[tuple[str, Any]] = (), entry_points: bool = True) -> None:
        self.pm = _Manager(GROUP)
        self.pm.add_hookspecs(hookspecs)
        if os.environ.get("CONVERTKIT_TRACE_PLUGINS"):
            self.pm.add_hookcall_monitoring(self._trace_before, self._trace_after)
        self.errors: list[PluginLoadError] = []
        self.infos: dict[str, PluginInfo] = {}
        self.blocked: list[str] = []
        self.bad_detectors: set[str] = set()  # plugins whose format detection failed once
        if entry_points:
            self._load_entry_points()
        for name, plugin in extra:
            self._register(name, plugin, "", "")
        self.registry = Registry()
        preferred = _names_in("CONVERTKIT_PREFER_PLUGINS")
        self.registry.rank = lambda plugin: 2 if plugin in preferred else 1 if self._builtin(plugin) else 0
        self._fill_registry()
        self._report_conflicts(preferred)
        self._report_empty()

    # -- loading ---------------------------------------------------------------------
    def _load_entry_points(self) -> None:
        disabled = _disabled()
        seen: set[str] = set()
        for ep in sorted(entry_points(GROUP), key=lambda ep: (ep.name, ep.value)):
            if ep.name in seen:  # the same distribution visible twice on sys.path
                continue
            seen.add(ep.name)
            dist_name, version = ep.dist, ep.version
            if ep.name in disabled:
                self.pm.set_blocked(ep.name)
                self.blocked.append(ep.name)
                continue
            try:
                with _prints_to_stderr():  # a plugin's print() at import never reaches -o - output
                    plugin = ep.load()
            except BaseException as exc:  # noqa: BLE001 - any import failure is the plugin's
                if isinstance(exc, KeyboardInterrupt):
                    raise
                self._fail(ep.name, dist_name, version, _one_line(exc))
                continue
            self._register(ep.name, plugin, dist_name, version)

    def _register(self, name: str, plugin: Any, dist: str, version: str) -> None:
        unknown = [a for a in dir(plugin) if a.startswith("convertkit_") and not hasattr(hookspecs, a)]
        if unknown:
            self._fail(name, dist, version, f"unknown hook(s): {', '.join(sorted(unknown))}")
            return
        misnamed = _misnamed(plugin)
        if misnamed:
            self._fail(name, dist, version, f"hook implementation(s) not named convertkit_*: "
                                            f"{', '.join(misnamed)}")
            return
        try:
            self.pm.register(plugin, name=name)
        except Exception as exc:  # noqa: BLE001 - pluggy validation errors
            self._fail(name, dist, version, _one_line(exc))
            return
        wrappers = sorted(i.function.__name__ for caller in self.pm.get_hookcallers(plugin) or ()
                          for i in caller.get_hookimpls() if i.plugin_name == name and (i.wrapper or i.hookwrapper))
        if wrappers:  # convertkit calls each implementation itself: a wrapper would never run
            self.pm.unregister(name=name)
            self._fail(name, dist, version, f"hook wrappers are not supported: {', '.join(wrappers)}")
            return
        self.infos[name] = PluginInfo(name, dist, version)

    def _builtin(self, plugin: str) -> bool:
        info = self.infos.get(plugin)
        return info is not None and info.dist == "convertkit"

    def _report_conflicts(self, preferred: set[str]) -> None:
        """A name two plugins register is a load error of the one that lost it."""
        for kind, name, kept, dropped in self.registry.conflicts:
            info = self.infos.get(dropped, PluginInfo(dropped, "", ""))
            how = "" if kept in preferred else \
                f"; set CONVERTKIT_PREFER_PLUGINS={dropped} to use {dropped}'s instead"
            self._fail(info.name, info.dist, info.version,
                       f"{kind} {name!r} is also registered by plugin {kept!r}, which keeps it{how}")

    def _report_empty(self) -> None:
        """A plugin that adds no reader, writer, transform or format detection is a mistake
        (most often: its hook functions lack ``@convertkit.hookimpl``)."""
        detectors = {i.plugin_name for i in self.pm.hook.convertkit_detect_format.get_hookimpls()}
        failed = {e.name for e in self.errors}
        for name, info in self.infos.items():
            if name in failed or name in detectors or any(self.formats_of(name).values()):
                continue
            self._fail(name, info.dist, info.version, "registers no reader, writer, transform or format "
                       "detection (are its hook functions marked @convertkit.hookimpl?)")

    def _fail(self, name: str, dist: str, version: str, error: str) -> None:
        self.errors.append(PluginLoadError(name, dist, version, error))

    def _fill_registry(self) -> None:
        reg = self.registry
        for hook_name in REGISTER_HOOKS:
            caller = getattr(self.pm.hook, hook_name)
            # Called one plugin at a time, in registration order (sorted by name), so each
            # spec knows its plugin and one plugin's exception cannot stop the others.
            for impl in caller.get_hookimpls():
                reg.current_plugin = impl.plugin_name
                try:
                    with _prints_to_stderr():
                        impl.function(registry=reg)
                except (Exception, SystemExit, GeneratorExit) as exc:  # noqa: BLE001 - reported, not raised
                    info = self.infos.get(impl.plugin_name, PluginInfo(impl.plugin_name, "", ""))
                    self._fail(info.name, info.dist, info.version, f"{hook_name}: {_one_line(exc)}")
        reg.current_plugin = ""
        for err in self.errors:
            reg.missing.setdefault(err.name, str(err))

    # -- tracing ---------------------------------------------------------------------
    @staticmethod
    def _trace_before(hook_name: str, impls: list, kwargs: dict) -> None:
        names = ", ".join(i.plugin_name for i in impls)
        print(f"convertkit: trace: {hook_name} -> [{names}]", file=sys.stderr)

    @staticmethod
    def _trace_after(outcome: Any, hook_name: str, impls: list, kwargs: dict) -> None:
        print(f"convertkit: trace: {hook_name} returned {outcome.get_result()!r}", file=sys.stderr)

    # -- queries ---------------------------------------------------------------------
    def detect_format(self, text: str, name: str) -> str | None:
        """Which reader should read this text (first plugin to answer wins). A detector
        that fails is left out, with a warning naming its plugin, and the others decide."""
        for impl in reversed(self.pm.hook.convertkit_detect_format.get_hookimpls()):
            if impl.plugin_name in self.bad_detectors:
                continue
            try:
                with _prints_to_stderr():
                    found = impl.function(text=text, name=name)
            except (Exception, SystemExit, GeneratorExit) as exc:  # noqa: BLE001 - the plugin's bug
                self.bad_detectors.add(impl.plugin_name)
                print(f"convertkit: warning: plugin {impl.plugin_name}: format detection failed "
                      f"({_one_line(exc)}); left out", file=sys.stderr)
                continue
            if found is not None:
                return found
        return None

    def formats_of(self, plugin: str) -> dict[str, list[str]]:
        """Names of the readers, writers and transforms one plugin provides."""
        reg = self.registry
        return {
            kind: sorted(n for n, s in table.items() if s.plugin == plugin)
            for kind, table in (("readers", reg.readers), ("writers", reg.writers), ("transforms", reg.transforms))
        }

    def describe(self) -> list[dict[str, Any]]:
        """Every plugin, loaded or not, as plain data (for ``convertkit plugins``)."""
        rows: list[dict[str, Any]] = []
        for name, info in sorted(self.infos.items()):
            errs = [e.error for e in self.errors if e.name == name]
            rows.append({"name": name, "distribution": info.dist, "version": info.version,
                         **self.formats_of(name), "errors": errs})
        for err in self.errors:
            if err.name not in self.infos:
                rows.append({"name": err.name, "distribution": err.dist, "version": err.version,
                             "readers": [], "writers": [], "transforms": [], "errors": [err.error]})
        for name in self.blocked:
            rows.append({"name": name, "distribution": "", "version": "", "readers": [], "writers": [],
                         "transforms": [], "errors": ["disabled by CONVERTKIT_DISABLE_PLUGINS"]})
        return sorted(rows, key=lambda r: r["name"])


_default: Plugins | None = None


def get_plugins() -> Plugins:
    """The process-wide plugins, loaded on first use (never at import)."""
    global _default
    if _default is None:
        _default = Plugins()
    return _default


def reset_plugins(plugins: Plugins | None = None) -> None:
    """Forget (or replace) the process-wide plugins; for tests and long-running hosts."""
    global _default
    _default = plugins
