"""PDFs written by hand for the tests: unusual ones (deep page trees, thousands of pages in
a fraction of a second, control characters in the text) that no PDF library writes. The
site itself makes its sample PDFs with fpdf2 (portal.core.demo_content.demo_pdf)."""


def pdf_file(objects):
    """A PDF file of numbered `objects` (the first the catalogue), with the cross-reference
    table readers need to find them."""
    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(output)
