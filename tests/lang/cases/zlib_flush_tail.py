import zlib
c = zlib.compress(b'x' * 5000)
d = zlib.decompressobj(); a = d.decompress(c, 10); b = d.flush()
print(len(a) + len(b), d.eof, d.unused_data, d.unconsumed_tail)
d = zlib.decompressobj(); a = d.decompress(c + b'tail', 10); b = d.flush()
print(len(a) + len(b), d.eof, d.unused_data, d.unconsumed_tail)
d = zlib.decompressobj(); a = d.decompress(c + b'more') + d.flush()
print(len(a), d.eof, d.unused_data, d.unconsumed_tail)
