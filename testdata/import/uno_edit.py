"""Edit a DOCX through LibreOffice (UNO) with change tracking on, as a
counterpart would, and save it as DOCX again.

usage: uno_edit.py IN.docx OUT.docx PROFILE_DIR EDITS.json

EDITS.json is a list of edits, applied in order:
  {"replace": OLD, "by": NEW}                 every whole-word OLD
  {"delete": WORD, "in": CONTEXT}             WORD inside the first CONTEXT
  {"after": TEXT, "insert": PARAGRAPH,        a new paragraph after the one
   "numbered": false}                         ending with TEXT
  {"comment": TEXT, "on": CONTEXT}            a comment anchored on CONTEXT
"""
import json
import os
import subprocess
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


def find(doc, text):
    sd = doc.createSearchDescriptor()
    sd.SearchString = text
    found = doc.findFirst(sd)
    if found is None:
        raise SystemExit("not found: %r" % text)
    return found


def main():
    src, dst, profile, edits_file = sys.argv[1:5]
    with open(edits_file, encoding="utf-8") as f:
        edits = json.load(f)
    pipe = "chancery_uno_%d" % os.getpid()
    proc = subprocess.Popen(
        ["soffice", "-env:UserInstallation=" + uno.systemPathToFileUrl(os.path.abspath(profile)),
         "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(240):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.5)
        if ctx is None:
            raise SystemExit("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0, (prop("Hidden", True),))
        doc.setPropertyValue("RecordChanges", True)
        for e in edits:
            if "replace" in e:
                rd = doc.createReplaceDescriptor()
                rd.SearchString = e["replace"]
                rd.ReplaceString = e["by"]
                rd.SearchWords = True
                if doc.replaceAll(rd) == 0:
                    raise SystemExit("not found: %r" % e["replace"])
            elif "delete" in e:
                found = find(doc, e["in"])
                at = e["in"].index(e["delete"])
                cur = found.getText().createTextCursorByRange(found.getStart())
                cur.goRight(at, False)
                cur.goRight(len(e["delete"]), True)
                cur.setString("")
            elif "insert" in e:
                found = find(doc, e["after"])
                text = found.getText()
                cur = text.createTextCursorByRange(found.getEnd())
                text.insertControlCharacter(cur, PARAGRAPH_BREAK, False)
                if not e.get("numbered", True):
                    try:
                        cur.setPropertyValue("NumberingIsNumber", False)
                    except Exception:
                        pass
                text.insertString(cur, e["insert"], False)
            elif "comment" in e:
                found = find(doc, e["on"])
                field = doc.createInstance("com.sun.star.text.textfield.Annotation")
                field.setPropertyValue("Author", e.get("author", "Counterpart"))
                field.setPropertyValue("Content", e["comment"])
                found.getText().insertTextContent(found, field, True)
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)), (prop("FilterName", "MS Word 2007 XML"),))
        doc.close(True)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    main()
