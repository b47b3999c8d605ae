using System.Text;
using System.Xml;

namespace EvsCodegen.Runtime.Tests.Xml;

/// <summary>
/// <see cref="ApiXml"/>: XML to the JSON a converter reads and back, after a shape descriptor (docs/decisions.md,
/// "XML bodies"); a DTD is refused before anything is read.
/// </summary>
public sealed class ApiXmlTests
{
    // <Item code="…" xmlns="urn:i"><count/><tags><tag/></tags><note/><child><count/></child></Item>, Item recursive.
    private const string Shape =
        """{"root":{"name":"Item","ns":"urn:i","type":0},"objects":[{"props":["""
        + """{"json":"code","name":"code","attr":true,"type":"string"},"""
        + """{"json":"count","name":"count","type":"integer"},"""
        + """{"json":"ratio","name":"ratio","type":"number"},"""
        + """{"json":"ok","name":"ok","type":"boolean"},"""
        + """{"json":"tags","name":"tags","wrapped":true,"type":{"items":"string","name":"tag"}},"""
        + """{"json":"notes","name":"notes","type":{"items":"string","name":"note"}},"""
        + """{"json":"child","name":"child","ns":"urn:c","prefix":"c","type":0}],"closed":true}]}""";

    [Fact]
    public void Json_IsWrittenAsXml_AttributesFirst_NullsLeftOut_DefaultNamespaceInherited()
    {
        var json = """{"count":2,"code":"A&B","ratio":0.5,"ok":true,"tags":["x","y"],"notes":["n"],"child":{"count":1,"ok":null}}""";

        var xml = Encoding.UTF8.GetString(ApiXml.FromJson(Encoding.UTF8.GetBytes(json), Shape));

        Assert.Equal(
            """<Item code="A&amp;B" xmlns="urn:i"><count>2</count><ratio>0.5</ratio><ok>true</ok><tags><tag>x</tag><tag>y</tag></tags><note>n</note><c:child xmlns:c="urn:c"><count>1</count></c:child></Item>""",
            xml);
    }

    [Fact]
    public void Xml_IsReadAsTheJsonTheConverterReads_ByLocalName()
    {
        const string Xml = """<Item code="A" xmlns="urn:other"><count> 2 </count><ratio>1e2</ratio><ok>1</ok><tags><tag>x</tag></tags><note>n1</note><note>n2</note><child><count>3</count></child></Item>""";

        var json = Encoding.UTF8.GetString(ApiXml.ToJson(Encoding.UTF8.GetBytes(Xml), Shape));

        Assert.Equal("""{"code":"A","count":2,"ratio":100,"ok":true,"tags":["x"],"notes":["n1","n2"],"child":{"count":3}}""", json);
    }

    [Fact]
    public void NilElement_IsJsonNull()
    {
        const string Xml = """<Item xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><count xsi:nil="true"/></Item>""";

        Assert.Equal("""{"count":null}""", Encoding.UTF8.GetString(ApiXml.ToJson(Encoding.UTF8.GetBytes(Xml), Shape)));
    }

    [Theory]
    [InlineData("<Item><count>1.5</count></Item>", "not an integer")]
    [InlineData("<Item><ratio>NaN</ratio></Item>", "not a number")]
    [InlineData("<Item><ok>yes</ok></Item>", "not a boolean")]
    [InlineData("<Item><count>1</count><count>2</count></Item>", "more than once")]
    [InlineData("<Item><extra/></Item>", "not allowed")]
    [InlineData("<Item size=\"1\"/>", "not allowed")]
    [InlineData("<Other/>", "root element")]
    [InlineData("<Item><count><x/></count></Item>", "must hold text")]
    [InlineData("<Item>", "")]
    [InlineData("<!DOCTYPE Item [<!ENTITY e \"x\">]><Item><note>&e;</note></Item>", "")]
    public void MalformedOrMismatchedXml_IsAnXmlException(string xml, string problem)
    {
        var failure = Assert.Throws<XmlException>(() => ApiXml.ToJson(Encoding.UTF8.GetBytes(xml), Shape));

        Assert.Contains(problem, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void XmlNestedPastTheJsonDepth_IsRefused_NotOverflowed()
    {
        var xml = new StringBuilder("<Item>");
        for (var i = 0; i < 10_000; i++)
        {
            xml.Append("<child>");
        }

        xml.Insert(xml.Length, "</child>", 10_000).Append("</Item>");

        var failure = Assert.Throws<XmlException>(() => ApiXml.ToJson(Encoding.UTF8.GetBytes(xml.ToString()), Shape));

        Assert.Contains("deeper than 64", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/xml", true)]
    [InlineData("text/xml; charset=utf-8", true)]
    [InlineData("application/atom+xml", true)]
    [InlineData("application/json", false)]
    [InlineData(null, false)]
    public void IsXml_KnowsTheXmlMediaTypes(string? mediaType, bool expected) => Assert.Equal(expected, ApiXml.IsXml(mediaType));

    [Fact]
    public void AMalformedDescriptor_IsAnArgumentException() =>
        Assert.Throws<ArgumentException>(() => ApiXml.ToJson("<a/>"u8.ToArray(), "{\"root\":{}}"));
}
