import sys
print(sys.argv)
print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 14), sys.version_info.releaselevel)
print(sys.version.startswith('3.14'), type(sys.maxsize).__name__, sys.maxsize > 2 ** 30)
print(sys.byteorder in ('little', 'big'), sys.maxunicode, type(sys.platform).__name__)
print(sys.flags.optimize, sys.flags.verbose, sys.flags.debug, sys.flags.quiet, sys.flags.isolated, sys.flags.dev_mode, sys.flags.bytes_warning, sys.flags.no_site, sys.flags.ignore_environment)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.hexversion >= 0x030E0000, sys.implementation.name != '', type(sys.path).__name__, '__main__' in sys.modules)
print(sys.stdout.write('written\n'), sys.getrecursionlimit() > 0, callable(sys.exit))
