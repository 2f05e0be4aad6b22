pytest_plugins = ["convertkit.testing"]
