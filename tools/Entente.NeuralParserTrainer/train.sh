#!/usr/bin/env bash
# Trains the neural parser (see README.md beside this file). Usage:
#   tools/Entente.NeuralParserTrainer/train.sh --train train.jk.conllu --dev dev.pred.conllu --out models/parser-neural.bin [--hidden 96 …]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$HERE/bin/Release/net10.0"
dotnet build "$HERE/Entente.NeuralParserTrainer.csproj" -c Release -nologo -v q >/dev/null
NATIVE="$OUT/runtimes/linux-x64/native"
PRELOAD=""
# TorchSharp 0.107's wrapper library asks for libstdc++'s GLIBCXX_3.4.32 (GCC 13) for one symbol,
# std::ios_base_library_init; Debian 12 ships GCC 12. Where that version is missing, mark the
# requirement weak in the build's copy of the wrapper and preload a two-line definition of the symbol.
# (once per build: after the edit, ldd reports the version as a "weak version" and this is skipped)
if [[ -f "$NATIVE/libLibTorchSharp.so" ]] && ldd "$NATIVE/libLibTorchSharp.so" 2>&1 | grep "GLIBCXX_3.4.32' not found" | grep -qv "weak version"; then
  python3 "$HERE/weak-version.py" "$NATIVE/libLibTorchSharp.so" GLIBCXX_3.4.32
  printf '#include <ios>\nnamespace std { void ios_base_library_init() { static ios_base::Init init; } }\n' > "$OUT/iosshim.cpp"
  g++ -O2 -shared -fPIC -o "$OUT/libiosshim.so" "$OUT/iosshim.cpp"
fi
[[ -f "$OUT/libiosshim.so" ]] && PRELOAD="$OUT/libiosshim.so"
LD_PRELOAD="$PRELOAD" exec dotnet "$OUT/Entente.NeuralParserTrainer.dll" "$@"
