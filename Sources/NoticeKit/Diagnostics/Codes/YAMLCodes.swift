/// Codes of YAML files (site.yaml, registry.yaml, front matter, strings) (docs/diagnostics.md).
extension DiagnosticCode {
    public static let yamlKeyUnknown = DiagnosticCode.error("yaml.key.unknown", "a key Notice does not know")
    public static let yamlKeyMissing = DiagnosticCode.error("yaml.key.missing", "a required key that is missing")
    public static let yamlValueNotSingle = DiagnosticCode.error("yaml.value.not-single", "a list or mapping where one value is needed")
    public static let yamlValueEmpty = DiagnosticCode.error("yaml.value.empty", "an empty value")
    public static let yamlValueNotBoolean = DiagnosticCode.error("yaml.value.not-boolean", "a value that should be true or false")
    public static let yamlAliasRefused = DiagnosticCode.error("yaml.alias.refused", "a YAML anchor or alias")
    public static let yamlFileUnreadable = DiagnosticCode.error("yaml.file.unreadable", "a YAML file that cannot be read")
    public static let yamlValueNotMapping = DiagnosticCode.error("yaml.value.not-mapping", "something that should be key: value lines")
    public static let yamlValueNotList = DiagnosticCode.error("yaml.value.not-list", "something that should be a list")
    public static let yamlSyntaxInvalid = DiagnosticCode.error("yaml.syntax.invalid", "YAML that cannot be read")
    public static let yamlFileNotUtf8 = DiagnosticCode.error("yaml.file.not-utf8", "a YAML file that is not UTF-8 text")

    public static let yamlCodes: [DiagnosticCode] = [
        yamlKeyUnknown, yamlKeyMissing, yamlValueNotSingle, yamlValueEmpty, yamlValueNotBoolean, yamlAliasRefused,
        yamlFileUnreadable, yamlValueNotMapping, yamlValueNotList, yamlSyntaxInvalid, yamlFileNotUtf8,
    ]
}
