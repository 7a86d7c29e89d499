class Abort(BaseException):
    pass
raise Abort('aborting')
