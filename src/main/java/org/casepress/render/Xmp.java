package org.casepress.render;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casepress.model.CaseStudy;
import org.casepress.model.Person;

/**
 * Completes the XMP packet the HTML renderer writes, so that archives and reference managers read
 * the same facts as the title page and the deposit: one {@code dc:creator} item per author in
 * order, every keyword in {@code dc:subject}, the language, the DOI ({@code dc:identifier} and
 * {@code prism:doi}) and the licence ({@code dc:rights}, {@code xmpRights}). PRISM is not one of
 * the schemas PDF/A predefines, so its property is described in the packet's extension schemas.
 */
final class Xmp {
  private static final Pattern CREATOR =
      Pattern.compile("<dc:creator>.*?</dc:creator>", Pattern.DOTALL);
  private static final String DC_ANCHOR = "<dc:format>application/pdf</dc:format>";
  private static final String SCHEMAS_END = "</rdf:Bag>\n      </pdfaExtension:schemas>";
  static final String PRISM = "http://prismstandard.org/namespaces/basic/3.0/";

  private Xmp() {}

  static String complete(String xmp, CaseStudy cs, List<String> keywords, Publication pub) {
    StringBuilder creators = new StringBuilder("<dc:creator><rdf:Seq>");
    for (Person p : cs.authors()) {
      creators.append("<rdf:li>").append(xml(p.fullName())).append("</rdf:li>");
    }
    creators.append("</rdf:Seq></dc:creator>");
    Matcher m = CREATOR.matcher(xmp);
    xmp = m.find() ? m.replaceFirst(Matcher.quoteReplacement(creators.toString())) : xmp;

    StringBuilder dc = new StringBuilder(DC_ANCHOR);
    dc.append("<dc:language><rdf:Bag><rdf:li>")
        .append(xml(cs.language()))
        .append("</rdf:li></rdf:Bag></dc:language>");
    if (!keywords.isEmpty()) {
      dc.append("<dc:subject><rdf:Bag>");
      keywords.forEach(k -> dc.append("<rdf:li>").append(xml(k)).append("</rdf:li>"));
      dc.append("</rdf:Bag></dc:subject>");
    }
    if (pub.doi() != null) {
      dc.append("<dc:identifier>doi:").append(xml(pub.doi())).append("</dc:identifier>");
    }
    if (cs.licence() != null) {
      dc.append("<dc:rights><rdf:Alt><rdf:li xml:lang=\"x-default\">")
          .append(xml(Citation.licenceName(cs.licence())))
          .append("</rdf:li></rdf:Alt></dc:rights>");
    }
    xmp = xmp.replace(DC_ANCHOR, dc.toString());

    StringBuilder more = new StringBuilder();
    if (cs.licence() != null) {
      more.append(
              "<rdf:Description xmlns:xmpRights=\"http://ns.adobe.com/xap/1.0/rights/\""
                  + " rdf:about=\"\"><xmpRights:Marked>True</xmpRights:Marked>")
          .append("<xmpRights:WebStatement>")
          .append(xml(Citation.licenceUrl(cs.licence())))
          .append("</xmpRights:WebStatement></rdf:Description>\n");
    }
    if (pub.doi() != null) {
      more.append("<rdf:Description xmlns:prism=\"")
          .append(PRISM)
          .append("\" rdf:about=\"\"><prism:doi>")
          .append(xml(pub.doi()))
          .append("</prism:doi></rdf:Description>\n");
      xmp =
          xmp.replace(
              SCHEMAS_END,
              "<rdf:li rdf:parseType=\"Resource\"><pdfaSchema:schema>PRISM Basic Metadata"
                  + "</pdfaSchema:schema><pdfaSchema:namespaceURI>"
                  + PRISM
                  + "</pdfaSchema:namespaceURI><pdfaSchema:prefix>prism</pdfaSchema:prefix>"
                  + "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">"
                  + "<pdfaProperty:name>doi</pdfaProperty:name>"
                  + "<pdfaProperty:valueType>Text</pdfaProperty:valueType>"
                  + "<pdfaProperty:category>external</pdfaProperty:category>"
                  + "<pdfaProperty:description>The Digital Object Identifier of the"
                  + " publication.</pdfaProperty:description></rdf:li></rdf:Seq>"
                  + "</pdfaSchema:property></rdf:li>"
                  + SCHEMAS_END);
    }
    return xmp.replace("</rdf:RDF>", more + "</rdf:RDF>");
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
