from x import y as __debug__
