using System.Collections.Generic;
using System.Linq;
using Sora.Config.Schema;

namespace Sora.Config.SchemaGen
{
    /// <summary>The component that reports a usage diagnostic (and tracks it in its AnalyzerReleases files).</summary>
    public enum UsageReporter
    {
        /// <summary>The source generator: errors in schema files, located in those files, and a compiler too old
        /// (src/Sora.Config.Generator/GeneratorDiagnostics.cs).</summary>
        Generator,

        /// <summary>The analyzers: what keeps the generator from emitting a [GeneratedSoraConf] class, reported at the
        /// class in source (src/Sora.Config.Analyzers/UsageDescriptors.cs, SoraConfUsageAnalyzer).</summary>
        Analyzers,
    }

    /// <summary>One SDK-usage diagnostic (SORA9xxx). These are reported by the source generator (with the schema
    /// loader's messages) or the analyzers, not declared in schema/, so their documentation lives here.</summary>
    /// <param name="ReportedBy">The component whose descriptor it is; the analyzers' release-tracking file gets a row for
    /// each of theirs (<see cref="AnalyzerAssets"/>).</param>
    /// <param name="Title">Must equal the descriptor's title (GeneratorDiagnostics.cs or UsageDescriptors.cs; tests compare).</param>
    /// <param name="Message">The message format; <c>{0}</c>… are filled in when it is reported.</param>
    public sealed record UsageDiagnostic(
        string Id,
        UsageReporter ReportedBy,
        string Title,
        string TitleJa,
        string Message,
        string Explanation,
        string ExplanationJa,
        string Fix,
        string FixJa,
        string BadLanguage,
        string Bad,
        string GoodLanguage,
        string Good);

    /// <summary>The SORA9001–SORA9008 catalogue used for docs/rules/SORA9xxx.md and the analyzers' release tracking.</summary>
    public static class UsageDiagnostics
    {
        /// <summary>The category of every usage diagnostic; all are errors by default.</summary>
        public const string Category = "Sora.Config.Usage";

        /// <summary>The members every generated class gets besides the key properties, as Markdown code spans.</summary>
        private static readonly IEnumerable<string> FixedMembers = GeneratedClassRules.FixedMembers.Select(m => "`" + m + "`");

        public static IReadOnlyList<UsageDiagnostic> All { get; } = new[]
        {
            new UsageDiagnostic(
                "SORA9001",
                UsageReporter.Analyzers,
                "[GeneratedSoraConf] class must be partial",
                "[GeneratedSoraConf] を付けたクラスが partial ではない",
                "The class '{0}' has [GeneratedSoraConf] but is not declared partial; add the 'partial' modifier so the generator can add its members",
                "The generator contributes the typed properties, `Parse`, `Serialize`, `Validate` and the other members as a second part of the class you declared. C# accepts a second part only when every declaration of the class is marked `partial`, so without the modifier nothing is generated for the class.",
                "ジェネレーターは型付きプロパティや `Parse`・`Serialize`・`Validate` などのメンバーを、宣言されたクラスのもう一つの部分として追加します。C# が別の部分を受け入れるのはクラスのすべての宣言に `partial` が付いているときだけなので、修飾子がなければそのクラスには何も生成されません。",
                "Add `partial` to the class declaration. For a nested class, the enclosing types must be `partial` as well.",
                "クラス宣言に `partial` を付けてください。入れ子のクラスでは、外側の型にも `partial` が必要です。",
                "csharp",
                "using Sora.Config;\n\n[GeneratedSoraConf]\npublic class ProductionConf { }\n",
                "csharp",
                "using Sora.Config;\n\n[GeneratedSoraConf]\npublic partial class ProductionConf { }\n"),
            new UsageDiagnostic(
                "SORA9002",
                UsageReporter.Generator,
                "Malformed sora.conf schema file",
                "sora.conf スキーマファイルの形式が不正",
                "{0}",
                "A schema file — one bundled with the package or one you added with `<SoraConfSchema Include=\"…\" />` — is not valid TOML, or one of its tables has an unknown field, a field of the wrong type or a value the format does not allow. The message names the file, line and column. Nothing is generated from a schema that cannot be read.",
                "スキーマファイル (パッケージ同梱のもの、または `<SoraConfSchema Include=\"…\" />` で追加したもの) が正しい TOML でないか、テーブルに不明なフィールド、型の違うフィールド、形式上許されない値があります。メッセージにはファイル・行・列が示されます。読めないスキーマからは何も生成されません。",
                "Correct the file at the reported position. The fields and their types are listed in `docs/schema-format.md`.",
                "示された位置でファイルを修正してください。フィールドとその型は `docs/schema-format.md` にあります。",
                "toml",
                "[[key]]\nname = \"example_key\ntype = \"bool\"\n",
                "toml",
                "[[key]]\nname = \"example_key\"\ntype = \"bool\"\ndefault = \"false\"\ncategory = \"general\"\ndescription = \"An illustrative key declared in an extra schema file.\"\ndescription_ja = \"追加のスキーマファイルで宣言した説明用のキー\"\nsource = \"https://sora-doc.shiguredo.jp/SORA_CONF.html\"\n"),
            new UsageDiagnostic(
                "SORA9003",
                UsageReporter.Generator,
                "Conflicting definitions in sora.conf schema files",
                "sora.conf スキーマファイル間で定義が矛盾している",
                "{0}",
                "Schema files are merged: your files are read after the bundled ones. A key, rule or version that appears twice with exactly the same content is accepted, but two different definitions under one name leave the SDK without a single truth, so the loader reports the second one and points at the first.",
                "スキーマファイルはマージされ、利用者のファイルは同梱のファイルの後に読まれます。同じキー・ルール・バージョンが完全に同じ内容で二度現れるのは問題ありませんが、同じ名前に異なる定義が二つあると SDK は一つの正解を決められないため、ローダーは二つ目を報告し、一つ目の位置も示します。",
                "Delete one of the two definitions or make them identical. Extra schema files should declare only keys the bundled schema does not know (for example keys of a newer Sora release).",
                "二つの定義のどちらかを削除するか、内容を同一にしてください。追加のスキーマファイルでは、同梱のスキーマにないキー (新しい Sora リリースのキーなど) だけを宣言してください。",
                "toml",
                "# extra-keys.toml, added with <SoraConfSchema Include=\"extra-keys.toml\" />\n# api_port already exists in the bundled schema with default 3000.\n[[key]]\nname = \"api_port\"\ntype = \"port\"\ndefault = \"3001\"\ncategory = \"api\"\ndescription = \"HTTP API port.\"\ndescription_ja = \"HTTP API のポート\"\nsource = \"https://sora-doc.shiguredo.jp/SORA_CONF.html\"\n",
                "toml",
                "# extra-keys.toml declares only a key the bundled schema lacks.\n[[key]]\nname = \"example_key\"\ntype = \"bool\"\ncategory = \"general\"\ndescription = \"An illustrative key declared in an extra schema file.\"\ndescription_ja = \"追加のスキーマファイルで宣言した説明用のキー\"\nsource = \"https://sora-doc.shiguredo.jp/SORA_CONF.html\"\n"),
            new UsageDiagnostic(
                "SORA9004",
                UsageReporter.Generator,
                "Schema key cannot become a C# property",
                "スキーマのキーを C# のプロパティにできない",
                "{0}",
                "Every schema key becomes a PascalCase property of the generated classes (`api_port` → `ApiPort`). A key name must therefore consist of lowercase ASCII letters, digits and `_` and start with a letter, and no two keys may produce the same property name (`api_port` and `api__port` would both become `ApiPort`).",
                "スキーマの各キーは生成されるクラスの PascalCase のプロパティになります (`api_port` → `ApiPort`)。そのためキー名は小文字の ASCII 英字・数字・`_` だけで構成し、英字で始める必要があります。また、二つのキーが同じプロパティ名になってはいけません (`api_port` と `api__port` はどちらも `ApiPort` になります)。",
                "Rename the key in your schema file so that it follows the naming rule and maps to a property name of its own.",
                "命名規則に従い、他と重ならないプロパティ名になるよう、スキーマファイルのキー名を変更してください。",
                "toml",
                "[[key]]\nname = \"2nd_label\"\ntype = \"string\"\ncategory = \"general\"\ndescription = \"An illustrative key declared in an extra schema file.\"\ndescription_ja = \"追加のスキーマファイルで宣言した説明用のキー\"\nsource = \"https://sora-doc.shiguredo.jp/SORA_CONF.html\"\n",
                "toml",
                "[[key]]\nname = \"second_label\"\ntype = \"string\"\ncategory = \"general\"\ndescription = \"An illustrative key declared in an extra schema file.\"\ndescription_ja = \"追加のスキーマファイルで宣言した説明用のキー\"\nsource = \"https://sora-doc.shiguredo.jp/SORA_CONF.html\"\n"),
            new UsageDiagnostic(
                "SORA9005",
                UsageReporter.Analyzers,
                "Unknown or malformed SoraVersion",
                "SoraVersion が不明または形式が不正",
                "SoraVersion '{0}' is {1}; known versions: {2}",
                "`SoraVersion` selects the Sora release whose keys the class gets. It must be written `YYYY.N` and be one of the versions declared in `schema/versions.toml` (or in your extra schema files); otherwise the generator cannot tell which keys exist and generates nothing for the class.",
                "`SoraVersion` はクラスに含めるキーを決める Sora のリリースを選びます。`YYYY.N` の形式で、`schema/versions.toml` (または追加のスキーマファイル) で宣言されたバージョンのいずれかである必要があります。そうでなければジェネレーターはどのキーが存在するか判断できず、そのクラスには何も生成しません。",
                "Use one of the versions listed in the message, or omit `SoraVersion` to target the newest known version. To target a release newer than the package, declare it in an extra schema file.",
                "メッセージに示されたバージョンのいずれかを指定するか、`SoraVersion` を省略して既知の最新バージョンを対象にしてください。パッケージより新しいリリースを対象にするには、追加のスキーマファイルでそのバージョンを宣言してください。",
                "csharp",
                "using Sora.Config;\n\n[GeneratedSoraConf(SoraVersion = \"2024.3\")]\npublic partial class LegacyConf { }\n",
                "csharp",
                "using Sora.Config;\n\n[GeneratedSoraConf(SoraVersion = \"2024.2\")]\npublic partial class LegacyConf { }\n"),
            new UsageDiagnostic(
                "SORA9006",
                UsageReporter.Generator,
                "Compiler older than Sora.Config supports",
                "Sora.Config が対応するより古いコンパイラー",
                "Sora.Config's generator needs a C# compiler of Roslyn {0} or later (the .NET 9.0.300 SDK / Visual Studio 17.14 or later); this compiler is {1}",
                "The generator is built against a minimum Roslyn version (the floor named in the message) and uses APIs that older compilers lack. Rather than fail in obscure ways, it stops and reports the compiler version it found.",
                "ジェネレーターは最低限の Roslyn バージョン (メッセージに示された下限) を前提にビルドされており、古いコンパイラーにない API を使います。わかりにくい形で失敗する代わりに、処理を止めて検出したコンパイラーのバージョンを報告します。",
                "Build with the .NET 9.0.300 SDK or later (or Visual Studio 17.14 or later). If a `global.json` pins an older SDK, raise its version.",
                ".NET 9.0.300 以降の SDK (または Visual Studio 17.14 以降) でビルドしてください。`global.json` が古い SDK に固定している場合は、そのバージョンを上げてください。",
                "json",
                "{\n  \"sdk\": { \"version\": \"8.0.100\", \"rollForward\": \"disable\" }\n}\n",
                "json",
                "{\n  \"sdk\": { \"version\": \"10.0.100\", \"rollForward\": \"latestFeature\" }\n}\n"),
            new UsageDiagnostic(
                "SORA9007",
                UsageReporter.Analyzers,
                "No sora.conf schema found",
                "sora.conf のスキーマが見つからない",
                "The class '{0}' has [GeneratedSoraConf] but the compilation has no sora.conf schema files; the Sora.Config package adds them unless SoraConfIncludeBundledSchema is false",
                "The generator reads the schema from the compilation's additional files. The Sora.Config package adds its bundled schema automatically; when `SoraConfIncludeBundledSchema` is `false` and no `SoraConfSchema` item supplies a replacement, a `[GeneratedSoraConf]` class has nothing to be generated from.",
                "ジェネレーターはコンパイルの追加ファイルからスキーマを読みます。Sora.Config パッケージは同梱のスキーマを自動で追加しますが、`SoraConfIncludeBundledSchema` が `false` で、代わりとなる `SoraConfSchema` 項目もない場合、`[GeneratedSoraConf]` のクラスは何も生成できません。",
                "Remove `SoraConfIncludeBundledSchema=false`, or add your complete schema with `<SoraConfSchema Include=\"…\" />`.",
                "`SoraConfIncludeBundledSchema=false` を削除するか、`<SoraConfSchema Include=\"…\" />` で完全なスキーマを追加してください。",
                "xml",
                "<PropertyGroup>\n  <SoraConfIncludeBundledSchema>false</SoraConfIncludeBundledSchema>\n</PropertyGroup>\n",
                "xml",
                "<PropertyGroup>\n  <SoraConfIncludeBundledSchema>false</SoraConfIncludeBundledSchema>\n</PropertyGroup>\n<ItemGroup>\n  <SoraConfSchema Include=\"schema/versions.toml;schema/keys.toml;schema/rules.toml\" />\n</ItemGroup>\n"),
            new UsageDiagnostic(
                "SORA9008",
                UsageReporter.Analyzers,
                "Generated member clashes with a declared member",
                "生成されるメンバーが宣言済みのメンバーと衝突する",
                "The class '{0}' already declares a member named '{1}', which the generator would emit for the sora.conf key '{2}'; rename the member",
                "The generator emits one property per sora.conf key, named in PascalCase. If your part of the class already declares a member with that name, the two parts would not compile together, so the generator emits nothing for the class and the analyzers report the clash instead. The same holds for the other members every generated class gets (" + string.Join(", ", FixedMembers) + ").",
                "ジェネレーターは sora.conf のキーごとに PascalCase の名前のプロパティを一つ生成します。利用者が書いた側のクラスに同じ名前のメンバーがあると両方の部分を合わせてコンパイルできないため、ジェネレーターはそのクラスに何も生成せず、代わりにアナライザーが衝突を報告します。生成されるクラスが必ず持つほかのメンバー (" + string.Join("、", FixedMembers) + ") についても同様です。",
                "Rename your member. The generated property already gives the key's value, and `null` means Sora's default applies.",
                "利用者側のメンバーの名前を変更してください。キーの値は生成されるプロパティで取得でき、`null` は Sora の既定値が使われることを表します。",
                "csharp",
                "using Sora.Config;\n\n[GeneratedSoraConf]\npublic partial class ProductionConf\n{\n    public int ApiPort => 3000;\n}\n",
                "csharp",
                "using Sora.Config;\n\n[GeneratedSoraConf]\npublic partial class ProductionConf\n{\n    public int PreferredApiPort => 3000;\n}\n"),
        };
    }
}
