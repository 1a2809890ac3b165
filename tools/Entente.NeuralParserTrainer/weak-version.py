#!/usr/bin/env python3
"""Marks a needed symbol version (e.g. GLIBCXX_3.4.32) weak in an ELF shared library, in place.

The dynamic loader then loads the library where that version is missing; the symbols that asked for it
must come from elsewhere (train.sh preloads them). Usage: weak-version.py LIBRARY VERSION
"""
import struct
import sys

path, version = sys.argv[1], sys.argv[2].encode()
data = bytearray(open(path, "rb").read())
assert data[:4] == b"\x7fELF" and data[4] == 2, "expects a 64-bit ELF file"
shoff, = struct.unpack_from("<Q", data, 0x28)
shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
SHT_GNU_VERNEED = 0x6FFFFFFE
done = False
for sh in sections:
    if sh[1] != SHT_GNU_VERNEED:
        continue
    strtab = sections[sh[6]]
    offset, count = sh[4], sh[7]
    for _ in range(count):
        _, vn_cnt, _, vn_aux, vn_next = struct.unpack_from("<HHIII", data, offset)
        aux = offset + vn_aux
        for _ in range(vn_cnt):
            _, flags, _, name, next_aux = struct.unpack_from("<IHHII", data, aux)
            start = strtab[4] + name
            end = data.index(b"\0", start)
            if data[start:end] == version:
                struct.pack_into("<H", data, aux + 4, flags | 0x2)  # VER_FLG_WEAK
                done = True
            aux += next_aux
        offset += vn_next
if not done:
    sys.exit(f"{path}: needs no {version.decode()}")
open(path, "wb").write(data)
print(f"{path}: {version.decode()} marked weak")
