# Drives LibreOffice through UNO as an officer would: opens a .docx,
# performs the operations of a JSON list, updates the fields, saves the
# result as .docx and .pdf, opens the saved .docx again and prints, as
# JSON, every body paragraph as LibreOffice shows it (list label, style,
# text) before saving and after reopening.
#
# usage: edit.py PIPE IN.docx OUT_BASE OPS_JSON
#        edit.py PIPE read JOBS_JSON   (no saving: each job's file
#        opened, its operations done, its fields updated and its
#        paragraphs printed; a job is {"path": ..., "ops": [...]})
import json
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    last = None
    for _ in range(1200):
        try:
            return resolver.resolve(
                "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except Exception as e:  # soffice is still starting
            last = e
            time.sleep(0.1)
    raise SystemExit("no soffice on pipe %s: %s" % (pipe, last))


def paragraphs(doc):
    out = []
    en = doc.Text.createEnumeration()
    while en.hasMoreElements():
        p = en.nextElement()
        if p.supportsService("com.sun.star.text.Paragraph"):
            out.append(p)
    return out


def shown(doc):
    res = []
    for p in paragraphs(doc):
        try:
            label = p.getPropertyValue("ListLabelString")
        except Exception:
            label = ""
        res.append({"label": label, "style": p.ParaStyleName, "text": p.getString(),
                    "hidden": hidden(p)})
    return res


def headings(doc, style):
    return [p for p in paragraphs(doc) if p.ParaStyleName == style]


def hidden(p):
    # A paragraph nobody sees: no text, its paragraph mark hidden.
    return p.getString() == "" and p.CharHidden


def following(doc, para):
    ps = paragraphs(doc)
    for i, p in enumerate(ps):
        if uno_same(p, para):
            return ps[i + 1]
    raise SystemExit("paragraph not found")


def preceding(doc, para):
    ps = paragraphs(doc)
    for i, p in enumerate(ps):
        if uno_same(p, para):
            return ps[i - 1]
    raise SystemExit("paragraph not found")


def uno_same(a, b):
    return a.getText().compareRegionStarts(a.getStart(), b.getStart()) == 0


def typed(doc, cursor, text):
    # Tabs typed as tabs, the rest as characters.
    for i, chunk in enumerate(text.split("\t")):
        if i:
            doc.Text.insertString(cursor, "\t", False)
        if chunk:
            doc.Text.insertString(cursor, chunk, False)


def dispatch(ctx, doc, command, args=()):
    helper = ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.DispatchHelper", ctx)
    frame = doc.getCurrentController().getFrame()
    helper.executeDispatch(frame, command, "", 0, args)


def apply(ctx, doc, op):
    kind = op["kind"]
    if kind == "insert-first":
        # Enter at the start of the section's first paragraph, then type
        # into the new, empty paragraph above the cursor.
        first = following(doc, headings(doc, op["style"])[op["section"] - 1])
        while hidden(first):  # no cursor goes into a paragraph nobody sees
            first = following(doc, first)
        cursor = doc.Text.createTextCursorByRange(first.getStart())
        doc.Text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
        cursor.goLeft(1, False)
        typed(doc, cursor, op["text"])
    elif kind == "heading-after":
        # Enter at the start of the next section's heading, then type the
        # new heading into the new, empty heading paragraph above it.
        nxt = headings(doc, op["style"])[op["section"]]
        cursor = doc.Text.createTextCursorByRange(nxt.getStart())
        doc.Text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
        cursor.goLeft(1, False)
        typed(doc, cursor, op["text"])
    elif kind == "after-heading":
        # Enter at the end of the section's heading, as the keyboard does
        # it (the new paragraph takes the heading's next style), and text
        # typed.
        view = doc.getCurrentController().getViewCursor()
        view.gotoRange(headings(doc, op["style"])[op["section"] - 1].getEnd(), False)
        dispatch(ctx, doc, ".uno:InsertPara")
        dispatch(ctx, doc, ".uno:InsertText", (prop("Text", op["text"]),))
    elif kind == "heading-from-end":
        # Enter at the end of the section's last paragraph (the last one
        # shown), the heading style applied, the paragraph promoted to the
        # heading's list level as Word's style gives it, the heading typed.
        nxt = headings(doc, op["style"])[op["section"]]
        last = preceding(doc, nxt)
        while hidden(last):
            last = preceding(doc, last)
        cursor = doc.Text.createTextCursorByRange(last.getEnd())
        doc.Text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
        # The cursor is at the start of the new paragraph (which of the
        # two paragraphs keeps the old one's identity is LibreOffice's).
        para = [p for p in paragraphs(doc)
                if doc.Text.compareRegionStarts(p.getStart(), cursor.getStart()) == 0][0]
        para.ParaStyleName = op["style"]
        para.NumberingLevel = nxt.NumberingLevel
        typed(doc, cursor, op["text"])
    elif kind == "accept-all":
        dispatch(ctx, doc, ".uno:AcceptAllTrackedChanges")
    elif kind == "reject-all":
        dispatch(ctx, doc, ".uno:RejectAllTrackedChanges")
    else:
        raise SystemExit("unknown operation " + kind)


def read(desktop, ctx, jobs):
    out = []
    for job in jobs:
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(job["path"]), "_blank", 0,
                                           (prop("Hidden", True),))
        for op in job["ops"]:
            apply(ctx, doc, op)
        doc.getTextFields().refresh()
        doc.refresh()
        out.append(shown(doc))
        doc.close(True)
    print(json.dumps(out, ensure_ascii=False))


def main():
    pipe = sys.argv[1]
    ctx = connect(pipe)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    if sys.argv[2] == "read":
        try:
            read(desktop, ctx, json.loads(sys.argv[3]))
        finally:
            try:
                desktop.terminate()
            except Exception:
                pass
        return
    src, out, ops = sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
    try:
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0,
                                           (prop("Hidden", True),))
        for op in ops:
            apply(ctx, doc, op)
        doc.getTextFields().refresh()  # Tools > Update > Fields
        doc.refresh()
        edited = shown(doc)
        doc.storeToURL(uno.systemPathToFileUrl(out + ".docx"),
                       (prop("FilterName", "MS Word 2007 XML"),))
        doc.storeToURL(uno.systemPathToFileUrl(out + ".pdf"),
                       (prop("FilterName", "writer_pdf_Export"),))
        doc.close(True)
        again = desktop.loadComponentFromURL(uno.systemPathToFileUrl(out + ".docx"), "_blank", 0,
                                             (prop("Hidden", True),))
        again.getTextFields().refresh()
        reloaded = shown(again)
        again.close(True)
        print(json.dumps({"edited": edited, "reloaded": reloaded}, ensure_ascii=False))
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass  # soffice goes away with the bridge


main()
