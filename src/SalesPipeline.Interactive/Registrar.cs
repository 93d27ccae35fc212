using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.DotNet.Interactive.Formatting;

namespace SalesPipeline.Interactive;

/// <summary>Registers a type's HTML and plain-text formatters together and remembers which types it covered, so the
/// ToString() fallback leaves them alone.</summary>
internal sealed class Registrar
{
    private readonly HashSet<Type> covered = [];

    public Registrar(int maxRows) => MaxRows = maxRows;

    /// <summary>The most rows a table shows.</summary>
    public int MaxRows { get; }

    /// <summary>The types registered so far.</summary>
    public IReadOnlySet<Type> Covered => covered;

    /// <summary>A value shown as its text, in HTML (encoded; in a pre when it has several lines) and as plain text.</summary>
    public void Text<T>(Func<T, string> text) => Html(v => Markup.Text(text(v)), text);

    /// <summary>A value with its own HTML, and its plain text.</summary>
    public void Html<T>(Func<T, string> html, Func<T, string> text)
    {
        Formatter.Register<T>((value, writer) => writer.Write(html(value)), HtmlFormatter.MimeType);
        Formatter.Register<T>((value, writer) => writer.Write(text(value)), PlainTextFormatter.MimeType);
        covered.Add(typeof(T));
    }

    /// <summary>Any type (found by reflection) shown as its ToString().</summary>
    public static void ToStringOf(Type type)
    {
        Formatter.Register(
            type,
            (object value, TextWriter writer) => writer.Write(Markup.Text(value.ToString() ?? "")),
            HtmlFormatter.MimeType
        );
        Formatter.Register(type, (object value, TextWriter writer) => writer.Write(value.ToString()), PlainTextFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(type, HtmlFormatter.MimeType, PlainTextFormatter.MimeType);
    }
}
