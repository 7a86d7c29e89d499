class ConfigError(Exception):
    pass
def load():
    try:
        {}['missing']
    except KeyError as e:
        raise ConfigError('config incomplete') from e
load()
