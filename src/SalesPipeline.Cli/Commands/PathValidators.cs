using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using Npgsql;

namespace SalesPipeline.Cli.Commands;

/// <summary>
/// Checks of option values made while parsing, so a bad value is a usage error (exit code 2) before anything runs or is
/// printed: a file option given a folder, a folder option given a file, an output whose folder is missing, a connection
/// string that does not parse. Each message names the option, the value and the rule.
/// </summary>
internal static class PathValidators
{
    /// <summary>The value must be an existing file (not a folder).</summary>
    public static Option<FileInfo> AcceptExistingFile(this Option<FileInfo> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<FileInfo?>() is not { } file)
            {
                return;
            }
            if (Directory.Exists(file.FullName))
            {
                result.AddError($"{option.Name} \"{Token(result)}\" is a folder: give a file.");
            }
            else if (!file.Exists)
            {
                result.AddError($"{option.Name} \"{Token(result)}\" does not exist: give an existing file.");
            }
        });
        return option;
    }

    /// <summary>The value may be a new file (its folder must exist) or an existing one, never a folder.</summary>
    public static Option<FileInfo> AcceptNewOrExistingFile(this Option<FileInfo> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<FileInfo?>() is not { } file)
            {
                return;
            }
            if (Directory.Exists(file.FullName))
            {
                result.AddError($"{option.Name} \"{Token(result)}\" is a folder: give a file.");
            }
            else if (file.Directory is { Exists: false } parent)
            {
                result.AddError($"{option.Name} \"{Token(result)}\": its folder {parent.FullName} does not exist.");
            }
        });
        return option;
    }

    /// <summary>The value may be a new folder (created when written) or an existing one, never a file.</summary>
    public static Option<DirectoryInfo> AcceptNewOrExistingFolder(this Option<DirectoryInfo> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<DirectoryInfo?>() is { } directory && File.Exists(directory.FullName))
            {
                result.AddError($"{option.Name} \"{Token(result)}\" is a file: give a folder (created when missing).");
            }
        });
        return option;
    }

    /// <summary>The value must parse as an Npgsql connection string.</summary>
    public static Option<string> AcceptConnectionString(this Option<string> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is not { } text)
            {
                return;
            }
            try
            {
                _ = new NpgsqlConnectionStringBuilder(text);
            }
            // What the builder throws for text that is not "key=value;..." with keys it knows.
            catch (Exception e) when (e is ArgumentException or KeyNotFoundException or FormatException or InvalidCastException)
            {
                // The value is not echoed: a connection string may hold a password.
                result.AddError(
                    $"{option.Name}: the value is not a PostgreSQL connection string (Host=...;Database=...;Username=...;Password=...): {e.Message}"
                );
            }
        });
        return option;
    }

    private static string Token(OptionResult result) => result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
}
