#!/usr/bin/python3
"""Structural checks of PDF/A-2b (ISO 19005-2, level B) clauses, with pikepdf.

No PDF/A validator is packaged for Debian; this checks the clauses chancery's
files could break. Usage: check_pdfa.py FILE [FAULT]. With FAULT, the file is
first damaged in memory (see FAULTS) so that a test can show the check fails.
Prints one line per violation, "clause: message", and exits 1 when there is
any; prints "ok" and exits 0 otherwise.
"""
import datetime
import io
import re
import sys
import xml.etree.ElementTree as ET

import pikepdf
from pikepdf import Name

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
}


def inject(pdf, fault):
    """Damages pdf in one way; returns the bytes to check."""
    root = pdf.Root
    if fault == "no-output-intent":
        del root["/OutputIntents"]
    elif fault == "date-mismatch":
        pdf.docinfo["/ModDate"] = "D:20010101000000Z"
    elif fault == "no-metadata":
        del root["/Metadata"]
    elif fault == "wrong-part":
        xmp = bytes(root.Metadata.read_bytes()).replace(b"<pdfaid:part>2<", b"<pdfaid:part>1<")
        root.Metadata = pikepdf.Stream(pdf, xmp)
        root.Metadata.Type, root.Metadata.Subtype = Name.Metadata, Name.XML
    elif fault == "hidden-annotation":
        page = pdf.pages[0]
        annot = pikepdf.Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=[0, 0, 10, 10], F=2)
        page.obj["/Annots"] = pdf.make_indirect(pikepdf.Array([annot]))
    elif fault == "transparency":
        pdf.pages[0].obj["/Group"] = pikepdf.Dictionary(Type=Name.Group, S=Name.Transparency)
    elif fault == "font-not-embedded":
        fonts = pdf.pages[0].obj.Resources.Font
        for font in (fonts[k] for k in fonts.keys()):
            for d in font.get("/DescendantFonts", []):
                del d.FontDescriptor["/FontFile2"]
    elif fault == "no-id":
        pass  # handled after saving
    else:
        raise SystemExit("unknown fault " + fault)
    out = io.BytesIO()
    pdf.save(out, static_id=True)
    data = out.getvalue()
    if fault == "no-id":
        data = re.sub(rb"/ID \[<[0-9a-f]+><[0-9a-f]+>\]", b"", data)
    return data


def pdf_date(s):
    """Parses a PDF date (D:YYYYMMDDHHmmSS with optional zone) to UTC."""
    m = re.fullmatch(r"D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?", s)
    if not m:
        return None
    t = datetime.datetime(*map(int, m.groups()[:6]))
    z = m.group(7)
    if z is None:
        return ("local", t)
    if z != "Z":
        sign = 1 if z[0] == "+" else -1
        hh, mm = int(z[1:3]), int(z.replace("'", "")[3:5])
        t -= sign * datetime.timedelta(hours=hh, minutes=mm)
    return ("utc", t)


def xmp_date(s):
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})?", s or "")
    if not m:
        return None
    t = datetime.datetime(*map(int, m.groups()[:6]))
    z = m.group(7)
    if z is None:
        return ("local", t)
    if z != "Z":
        sign = 1 if z[0] == "+" else -1
        t -= sign * datetime.timedelta(hours=int(z[1:3]), minutes=int(z[4:6]))
    return ("utc", t)


def check(data):
    errors = []

    def fail(clause, msg):
        errors.append(f"{clause}: {msg}")

    # 6.1.2 File header: version, and a comment of four bytes >= 128.
    if not re.match(rb"%PDF-1\.[0-7]\r?\n%[\x80-\xff]{4}", data):
        fail("6.1.2", "header is not %PDF-1.n followed by a binary comment")
    pdf = pikepdf.open(io.BytesIO(data))
    trailer = pdf.trailer
    # 6.1.3 File trailer: an /ID, no encryption.
    if "/ID" not in trailer or len(trailer.ID) != 2:
        fail("6.1.3", "the trailer has no /ID")
    if "/Encrypt" in trailer:
        fail("6.1.3", "the file is encrypted")
    root = pdf.Root
    # 6.6.2.1 Metadata: an XMP stream in the catalog, PDF/A-2 level B.
    xmp = None
    if "/Metadata" not in root:
        fail("6.6.2.1", "the catalog has no /Metadata")
    else:
        xmp = ET.fromstring(root.Metadata.read_bytes().decode("utf-8").split("?>", 1)[1].rsplit("<?xpacket", 1)[0])
    def prop(path):
        if xmp is None:
            return None
        e = xmp.find(".//rdf:Description/" + path, NS)
        return None if e is None else (e.text or "")
    if xmp is not None:
        if prop("pdfaid:part") != "2" or prop("pdfaid:conformance") != "B":
            fail("6.6.4", f"PDF/A identification is part {prop('pdfaid:part')!r} conformance {prop('pdfaid:conformance')!r}, want 2 and B")
        # 6.6.3 Document information and XMP agree.
        info = pdf.docinfo
        pairs = [
            ("/Title", "dc:title/rdf:Alt/rdf:li"),
            ("/Author", "dc:creator/rdf:Seq/rdf:li"),
            ("/Subject", "dc:description/rdf:Alt/rdf:li"),
            ("/Creator", "xmp:CreatorTool"),
            ("/Producer", "pdf:Producer"),
        ]
        for key, path in pairs:
            if key in info and str(info[key]) != prop(path):
                fail("6.6.3", f"{key} {str(info[key])!r} differs from XMP {path.split('/')[0]} {prop(path)!r}")
        for key, path in [("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")]:
            if key not in info:
                continue
            a, b = pdf_date(str(info[key])), xmp_date(prop(path))
            if a is None or b is None or a != b:
                fail("6.6.3", f"{key} {str(info[key])!r} differs from XMP {path} {prop(path)!r}")
    # 6.2.3 Output intent: GTS_PDFA1 with an ICC profile of its colour components.
    intents = [oi for oi in root.get("/OutputIntents", []) if oi.get("/S") == Name.GTS_PDFA1]
    if not intents:
        fail("6.2.3", "no GTS_PDFA1 output intent")
    for oi in intents:
        prof = oi.get("/DestOutputProfile")
        if prof is None:
            fail("6.2.3", "output intent without DestOutputProfile")
            continue
        icc = prof.read_bytes()
        space = {b"RGB ": 3, b"GRAY": 1, b"CMYK": 4}.get(icc[16:20])
        if icc[36:40] != b"acsp" or space is None or int(prof.get("/N", 0)) != space:
            fail("6.2.3", "the output profile is not an ICC profile of /N components")
    # 6.6.1, 6.8 No JavaScript, no actions on opening, no embedded files.
    if "/AA" in root or "/JavaScript" in root.get("/Names", {}):
        fail("6.6.1", "the catalog has actions or JavaScript")
    ef = root.get("/Names", {}).get("/EmbeddedFiles")
    if ef is not None and len(ef.get("/Names", [])) > 0:
        fail("6.8", "the file embeds files")
    for n, page in enumerate(pdf.pages, 1):
        # 6.4 No transparency (chancery's own rule is stricter than PDF/A-2's).
        group = page.obj.get("/Group")
        if group is not None and group.get("/S") == Name.Transparency:
            fail("6.4", f"page {n} has a transparency group")
        res = page.obj.get("/Resources", {})
        states = res.get("/ExtGState", {})
        for gs in (states[k] for k in states.keys()):
            if "/SMask" in gs and gs.SMask != Name("/None") or float(gs.get("/CA", 1)) < 1 or float(gs.get("/ca", 1)) < 1:
                fail("6.4", f"page {n} uses transparency")
        # 6.2.11.4 Every font embedded.
        fontres = res.get("/Font", {})
        for fname, font in ((k, fontres[k]) for k in fontres.keys()):
            fonts = [font] + list(font.get("/DescendantFonts", []))
            embedded = any(
                any(k in f.get("/FontDescriptor", {}) for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                for f in fonts
            )
            if not embedded:
                fail("6.2.11.4", f"page {n}: font {fname} ({font.get('/BaseFont')}) is not embedded")
        # 6.3.2 Annotations: printable, not hidden.
        for a in page.obj.get("/Annots", []):
            flags = int(a.get("/F", 0))
            if not flags & 4 or flags & (1 | 2 | 32):
                fail("6.3.2", f"page {n}: annotation {a.get('/Subtype')} has flags {flags}, want Print and not Hidden, Invisible or NoView")
    return errors


def main():
    path = sys.argv[1]
    with open(path, "rb") as fh:
        data = fh.read()
    if len(sys.argv) > 2:
        data = inject(pikepdf.open(io.BytesIO(data)), sys.argv[2])
    errors = check(data)
    for e in errors:
        print(e)
    if errors:
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
