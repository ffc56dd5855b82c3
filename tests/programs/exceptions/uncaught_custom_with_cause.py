# An uncaught exception raised "from" another: the last line is the outer one.
class ConfigError(Exception):
    pass


def read_port(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError(f"invalid port {text!r}") from e


print(read_port("8080"))
read_port("eighty")
