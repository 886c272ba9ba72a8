using System.Text;
using Sora.Config.Diagnostics;
using Sora.Config.Evaluation;
using Sora.Config.Fixes;
using Sora.Config.IO;
using Sora.Config.Migration;
using Sora.Config.Syntax;

namespace Sora.Config.Tests.Migration;

/// <summary>`SoraConfMigrator`: a file rewritten for another Sora version keeps every byte it had; settings the version
/// does not have become comments with a note, deprecated keys and legacy switches get a note above them, once.</summary>
public sealed class MigratorTests
{
    private const string Before = "# edge-1\ne2ee = true\napi_port = 3000\nlegacy_recording = true\nlabel = edge # kept\n";

    [Fact]
    public void Removed_keys_become_comments_with_a_note_and_nothing_else_changes()
    {
        var migration = SoraConfMigrator.Migrate(SoraConfDocument.Parse(Before), "2025.2");
        Assert.Equal(
            "# edge-1\n# removed in 2024.2: e2ee = true\napi_port = 3000\n# removed in 2025.2: legacy_recording = true\nlabel = edge # kept\n",
            migration.Result.ToString());
        Assert.Equal(new[] { (2, "e2ee", SoraConfMigrationKind.Removed), (4, "legacy_recording", SoraConfMigrationKind.Removed) },
            migration.Changes.Select(c => (c.Line, c.Key, c.Kind)));
        Assert.True(migration.IsNeeded);
        // The original document is not modified.
        Assert.Equal(Before, SoraConfDocument.Parse(Before).ToString());
    }

    [Fact]
    public void A_crlf_file_stays_crlf_and_round_trips_byte_for_byte_outside_the_changes()
    {
        var crlf = Before.Replace("\n", "\r\n");
        var migration = SoraConfMigrator.Migrate(SoraConfDocument.Parse(Encoding.UTF8.GetBytes(crlf)), "2025.2");
        var expected = "# edge-1\r\n# removed in 2024.2: e2ee = true\r\napi_port = 3000\r\n# removed in 2025.2: legacy_recording = true\r\nlabel = edge # kept\r\n";
        Assert.Equal(Encoding.UTF8.GetBytes(expected), migration.Result.ToBytes());
    }

    [Fact]
    public void Migrating_again_changes_nothing()
    {
        foreach (var text in new[] { Before, Before.Replace("\n", "\r\n"), "legacy_signaling_error = true\n", "legacy_signaling_error = true\r\n" })
        {
            var once = SoraConfMigrator.Migrate(SoraConfDocument.Parse(text), "2025.2").Result;
            var twice = SoraConfMigrator.Migrate(once, "2025.2");
            Assert.False(twice.IsNeeded, text);
            Assert.Equal(once.ToBytes(), twice.Result.ToBytes());
        }
    }

    [Fact]
    public void A_legacy_switch_gets_a_note_above_it_and_keeps_its_setting()
    {
        var migration = SoraConfMigrator.Migrate(SoraConfDocument.Parse("api_port = 3000\r\nlegacy_signaling_error = true\r\n"), "2025.2");
        var change = Assert.Single(migration.Changes);
        Assert.Equal((2, SoraConfMigrationKind.Legacy), (change.Line, change.Kind));
        Assert.Equal("api_port = 3000\r\n# legacy switch: legacy_signaling_error keeps old behaviour and will be removed; see `sora-conf explain legacy_signaling_error`\r\nlegacy_signaling_error = true\r\n",
            migration.Result.ToString());
        Assert.Equal("true", migration.Result.GetValue("legacy_signaling_error"));
    }

    [Fact]
    public void Migrating_to_an_older_version_comments_out_keys_it_does_not_have_yet()
    {
        var migration = SoraConfMigrator.Migrate(SoraConfDocument.Parse("data_channel_rpc = true\n"), "2025.1");
        var change = Assert.Single(migration.Changes);
        Assert.Equal(SoraConfMigrationKind.NotYetAdded, change.Kind);
        Assert.Equal("# not in Sora 2025.1 (added in 2025.2): data_channel_rpc = true\n", migration.Result.ToString());
    }

    [Fact]
    public void The_migrated_file_has_no_version_findings_left()
    {
        var options = new SoraConfEvaluationOptions { SoraVersion = "2025.2" };
        Assert.Contains(SoraConfFile.Read(Before, options).Diagnostics, d => d.Id == "SORA2001");
        var migrated = SoraConfMigrator.Migrate(SoraConfDocument.Parse(Before), "2025.2").Result;
        Assert.DoesNotContain(SoraConfFile.From(migrated, options).Diagnostics, d => d.Id == "SORA2001");
    }

    [Fact]
    public void A_line_with_bytes_that_are_not_utf8_keeps_them_behind_the_comment_marker()
    {
        var bytes = Encoding.ASCII.GetBytes("e2ee = true\nlabel = a").Concat(new byte[] { 0xE9 }).Concat(Encoding.ASCII.GetBytes("\n")).ToArray();
        var withBadKeyLine = Encoding.ASCII.GetBytes("api_port = 3000\ne2ee = x").Concat(new byte[] { 0xFF }).Concat(Encoding.ASCII.GetBytes("\n")).ToArray();
        Assert.Equal(Encoding.ASCII.GetBytes("# removed in 2024.2: ").Concat(bytes).ToArray(), SoraConfMigrator.Migrate(SoraConfDocument.Parse(bytes), "2025.2").Result.ToBytes());
        Assert.Equal(Encoding.ASCII.GetBytes("api_port = 3000\n# removed in 2024.2: e2ee = x").Concat(new byte[] { 0xFF, (byte)'\n' }).ToArray(),
            SoraConfMigrator.Migrate(SoraConfDocument.Parse(withBadKeyLine), "2025.2").Result.ToBytes());
    }

    [Fact]
    public void An_unknown_version_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => SoraConfMigrator.Migrate(SoraConfDocument.Parse(Before), "1999.1"));
        Assert.Contains("2025.2", ex.Message);
    }

    [Fact]
    public void The_fix_of_a_version_finding_is_the_migration_edit()
    {
        var document = SoraConfDocument.Parse(Before);
        var finding = Assert.Single(SoraConfLinter.Lint(document), d => d.Id == "SORA2001" && d.Key == "e2ee");
        var fix = Assert.Single(SoraConfFixes.For(document, finding));
        var edit = Assert.Single(fix.Edits);
        var change = SoraConfMigrator.Migrate(document, SoraCatalog.Default.NewestVersion).Changes.First(c => c.Key == "e2ee");
        Assert.Equal((change.Edit.Line, change.Edit.Column, change.Edit.EndLine, change.Edit.EndColumn, change.Edit.NewText), (edit.Line, edit.Column, edit.EndLine, edit.EndColumn, edit.NewText));
    }

    [Fact]
    public void A_quoted_host_name_gets_a_fix_that_removes_the_quotes()
    {
        var document = SoraConfDocument.Parse("turn_fqdn = \"turn.sora.internal\"\n");
        var finding = Assert.Single(SoraConfLinter.Lint(document), d => d.Id == "SORA0012");
        var edit = Assert.Single(Assert.Single(SoraConfFixes.For(document, finding)).Edits);
        Assert.Equal((1, 13, 1, 33, "turn.sora.internal"), (edit.Line, edit.Column, edit.EndLine, edit.EndColumn, edit.NewText));
        // A value that is not wholly quoted gets no such fix.
        var other = SoraConfDocument.Parse("turn_fqdn = https://turn.sora.internal\n");
        Assert.Empty(SoraConfFixes.For(other, Assert.Single(SoraConfLinter.Lint(other), d => d.Id == "SORA0012")));
    }
}
