//! The registry: every rule, sorted by code, and lookup by code.

use crate::check::rules::*;
use crate::check::{Rule, RuleMeta};

/// Every rule, sorted by code. Codes are never reused once retired.
pub static RULES: &[&dyn Rule] = &[
    &ap001_unreadable_file::UnreadableFile,
    &ap002_unparseable_file::UnparseableFile,
    &ap003_schema_violation::SchemaViolation,
    &ap004_invalid_frontmatter::InvalidFrontmatter,
    &ap005_dangling_reference::DanglingReference,
    &ap006_import_cycle::ImportCycle,
    &ap007_symlink_escapes::SymlinkEscapes,
    &ap008_duplicate_key::DuplicateKey,
    &ap009_symlink_placeholder::SymlinkPlaceholder,
    &ap010_ignored_key::IgnoredKey,
    &ap011_codex_instructions_too_large::CodexInstructionsTooLarge,
    &ap101_mcp_server_missing::McpServerMissing,
    &ap102_mcp_server_differs::McpServerDiffers,
    &ap103_instructions_differ::InstructionsDiffer,
    &ap104_instruction_coverage::InstructionCoverage,
    &ap105_hook_missing::HookMissing,
    &ap106_skill_not_visible::SkillNotVisible,
    &ap107_agent_missing::AgentMissing,
    &ap108_command_missing::CommandMissing,
    &ap109_plugin_manifest_mismatch::PluginManifestMismatch,
    &ap201_unsupported_transport::UnsupportedTransport,
    &ap202_unsupported_interpolation::UnsupportedInterpolation,
    &ap203_literal_import::LiteralImport,
    &ap204_unsupported_hook::UnsupportedHook,
    &ap205_guard_fails_open::GuardFailsOpen,
    &ap206_unportable_tool_name::UnportableToolName,
    &ap301_literal_secret::LiteralSecret,
    &ap302_hidden_unicode::HiddenUnicode,
    &ap303_unpinned_mcp_package::UnpinnedMcpPackage,
    &ap304_remote_script_pipe::RemoteScriptPipe,
    &ap305_plugin_path_escapes::PluginPathEscapes,
    &ap306_permission_bypass::PermissionBypass,
    &ap307_insecure_http_url::InsecureHttpUrl,
];

/// The metadata of the rule with this code.
pub fn lookup(code: &str) -> Option<&'static RuleMeta> {
    RULES
        .iter()
        .map(|r| r.meta())
        .find(|m| m.code.eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique_and_sorted() {
        let codes: Vec<&str> = RULES.iter().map(|r| r.meta().code).collect();
        let mut sorted = codes.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(codes, sorted, "codes must be unique and sorted");
        let mut names: Vec<&str> = RULES.iter().map(|r| r.meta().name).collect();
        names.sort();
        let n = names.len();
        names.dedup();
        assert_eq!(n, names.len(), "names must be unique");
    }

    #[test]
    fn loader_codes_are_registered() {
        use crate::diagnostic::codes::*;
        for c in [
            UNREADABLE_FILE,
            UNPARSEABLE_FILE,
            SCHEMA_VIOLATION,
            INVALID_FRONTMATTER,
            DANGLING_REFERENCE,
            IMPORT_CYCLE,
            SYMLINK_ESCAPES,
            DUPLICATE_KEY,
            SYMLINK_PLACEHOLDER,
        ] {
            assert!(lookup(c).is_some_and(|m| m.from_loader), "{c}");
        }
    }
}
