def test_update_goldens_is_off(update_goldens):
    """A run that rewrites goldens must not pass: it checks nothing."""
    assert not update_goldens, "--update-goldens is on: goldens were rewritten, nothing was checked"
