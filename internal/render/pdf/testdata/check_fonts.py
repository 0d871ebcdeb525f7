#!/usr/bin/python3
"""Checks the fonts chancery embeds in a PDF, with pikepdf and fontTools.

Usage: check_fonts.py FILE.pdf FONTDIR. For every composite font of every
page: the embedded TrueType program opens with fontTools with every table
checksum right; each character code (CID) of the widths array maps, through
the CID-to-glyph map, to a glyph of the program whose advance, in thousandths
of an em, rounds to the width the PDF gives it (PDF/A-2 6.2.11.5), and whose
outline is the outline the original face in FONTDIR draws the character with
(the ToUnicode map says which character it is). Prints one line per font,
"name: N characters, M glyphs", then "ok", or the faults and exits 1.
"""
import io
import os
import re
import sys

import pikepdf
from pikepdf import Name
from fontTools.ttLib import TTFont


def cmap_chars(data):
    """The CID -> character map of a ToUnicode CMap's bfchar entries."""
    out = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for cid, uni in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            units = bytes.fromhex(uni.decode()).decode("utf-16-be")
            out[int(cid, 16)] = units
    return out


def outline(font, glyph_name):
    """A glyph's contours, components resolved, as comparable data."""
    glyf = font["glyf"]
    coords, ends, flags = glyf[glyph_name].getCoordinates(glyf)
    return list(coords), list(ends), [f & 1 for f in flags]


def main():
    path, fontdir = sys.argv[1], sys.argv[2]
    originals = {}
    for name in os.listdir(fontdir):
        if name.lower().endswith(".ttf"):
            f = TTFont(os.path.join(fontdir, name))
            originals[f["name"].getDebugName(6)] = f
    pdf = pikepdf.open(path)
    faults = []
    seen = set()
    for page in pdf.pages:
        fonts = page.obj.get("/Resources", {}).get("/Font", {})
        for key in fonts.keys():
            font = fonts[key]
            if font.objgen in seen:
                continue
            seen.add(font.objgen)
            base = str(font.BaseFont)[1:]
            if font.get("/Subtype") != "/Type0":
                faults.append(f"{base}: not a composite font")
                continue
            tag, _, ps = base.partition("+")
            if not re.fullmatch(r"[A-Z]{6}", tag):
                faults.append(f"{base}: no subset tag")
            original = originals.get(ps)
            if original is None:
                faults.append(f"{base}: no face {ps} in {fontdir}")
                continue
            cid_font = font.DescendantFonts[0]
            desc = cid_font.FontDescriptor
            program = desc.FontFile2.read_bytes()
            try:
                emb = TTFont(io.BytesIO(program), checkChecksums=2)
                emb.ensureDecompiled()
            except Exception as e:  # noqa: BLE001 - any failure to read is the fault
                faults.append(f"{base}: the font program does not open: {e}")
                continue
            upem = emb["head"].unitsPerEm
            order = emb.getGlyphOrder()
            cmap = cid_font.get("/CIDToGIDMap", Name.Identity)
            identity = isinstance(cmap, Name) and cmap == Name.Identity
            cid_to_gid = None if identity else cmap.read_bytes()
            chars = cmap_chars(font.ToUnicode.read_bytes())
            w = cid_font.W
            if len(w) != 2 or int(w[0]) != 1:
                faults.append(f"{base}: widths array is not [1 [...]]")
                continue
            widths = [int(x) for x in w[1]]
            if len(widths) != len(chars) or cid_to_gid is not None and 2 * (len(widths) + 1) != len(cid_to_gid):
                faults.append(f"{base}: {len(widths)} widths, {len(chars)} characters, CID-to-glyph map of {'the identity' if identity else len(cid_to_gid) // 2 - 1}")
                continue
            ocmap = original.getBestCmap()
            for cid in range(1, len(widths) + 1):
                gid = cid if identity else int.from_bytes(cid_to_gid[2 * cid:2 * cid + 2], "big")
                ch = chars.get(cid)
                if ch is None or gid == 0 or gid >= len(order):
                    faults.append(f"{base}: CID {cid} has character {ch!r} and glyph {gid}")
                    continue
                adv = emb["hmtx"][order[gid]][0]
                if round(adv * 1000 / upem) != widths[cid - 1]:
                    faults.append(f"{base}: CID {cid} ({ch}) is {widths[cid - 1]} wide in the PDF, {adv * 1000 / upem:.1f} in the font")
                oname = ocmap.get(ord(ch))
                if oname is None or outline(original, oname) != outline(emb, order[gid]):
                    faults.append(f"{base}: CID {cid} ({ch}) is not drawn with the glyph of {ps}")
            print(f"{base}: {len(widths)} characters, {len(order)} glyphs")
    if not seen:
        faults.append("no fonts")
    for f in faults:
        print(f)
    if faults:
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
