#!/usr/bin/env python3
"""Writes a Word-like DOCX from a JSON spec with python's zipfile only (raw OpenXML): a name block, then one
two-column table per section (label | value paragraphs), the label column shaded, as Word CV templates do.
usage: docx_table.py SPEC.json OUT.docx
spec: {"name": str, "headline": str, "lang": "de", "sections": [{"heading": str, "rows": [[label, [para, ...]]]}]}
A para starting with "**" is bold, with "- " a bullet-like indented line."""
import json
import sys
import zipfile
from xml.sax.saxutils import escape

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def run(text, bold=False, size=None, color=None):
    rpr = ''.join([('<w:b/>' if bold else ''), (f'<w:color w:val="{color}"/>' if color else ''), (f'<w:sz w:val="{size}"/>' if size else '')])
    return f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(text, bold=False, size=None, color=None, indent=0, after=40):
    ind = f'<w:ind w:left="{indent}"/>' if indent else ''
    ppr = f'<w:pPr><w:spacing w:after="{after}"/>{ind}</w:pPr>'
    return f'<w:p>{ppr}{run(text, bold, size, color)}</w:p>'


def value_paras(items):
    out = []
    for it in items:
        if it.startswith('**'):
            out.append(para(it[2:], bold=True))
        elif it.startswith('- '):
            out.append(para('• ' + it[2:], indent=200))
        else:
            out.append(para(it))
    return ''.join(out) or para('')


def cell(content, width, shade=None):
    sh = f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>' if shade else ''
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{sh}</w:tcPr>{content}</w:tc>'


def table(rows):
    borders = '<w:tblBorders>' + ''.join(f'<w:{b} w:val="single" w:sz="4" w:color="BFBFBF"/>' for b in ('top', 'bottom', 'insideH')) + '</w:tblBorders>'
    body = ''.join(f'<w:tr>{cell(para(label, color="404040"), 2600, "EDEDED")}{cell(value_paras(vals), 6900)}</w:tr>' for label, vals in rows)
    return f'<w:tbl><w:tblPr><w:tblW w:w="9500" w:type="dxa"/>{borders}</w:tblPr><w:tblGrid><w:gridCol w:w="2600"/><w:gridCol w:w="6900"/></w:tblGrid>{body}</w:tbl>'


def main():
    spec = json.load(open(sys.argv[1], encoding='utf-8'))
    body = para(spec['name'], bold=True, size=40, after=20) + para(spec['headline'], size=24, color='5A5A5A', after=200)
    for sec in spec['sections']:
        body += para(sec['heading'].upper(), bold=True, size=24, color='1F4E79', after=80)
        body += table(sec['rows']) + para('', after=120)
    doc = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>'
    ct = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    rels = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    with zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED) as z:
        # fixed timestamps: the same spec gives the same bytes
        for name, data in (('[Content_Types].xml', ct), ('_rels/.rels', rels), ('word/document.xml', doc)):
            z.writestr(zipfile.ZipInfo(name, date_time=(2025, 10, 1, 0, 0, 0)), data)


if __name__ == '__main__':
    main()
