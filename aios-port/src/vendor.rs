//! The vendors aios-port knows, and sets of them.

use std::fmt;

use serde::Serialize;

/// A coding-agent vendor whose workspace files aios-port reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Vendor {
    /// Anthropic Claude Code.
    Claude,
    /// OpenAI Codex CLI.
    Codex,
    /// Google Gemini CLI.
    Gemini,
}

impl Vendor {
    /// Every vendor, in display order.
    pub const ALL: [Vendor; 3] = [Vendor::Claude, Vendor::Codex, Vendor::Gemini];

    /// Short lowercase id used on the command line and in JSON (`claude`, `codex`, `gemini`).
    pub fn id(self) -> &'static str {
        match self {
            Vendor::Claude => "claude",
            Vendor::Codex => "codex",
            Vendor::Gemini => "gemini",
        }
    }

    /// Human name (`Claude Code`, `Codex`, `Gemini CLI`).
    pub fn display_name(self) -> &'static str {
        match self {
            Vendor::Claude => "Claude Code",
            Vendor::Codex => "Codex",
            Vendor::Gemini => "Gemini CLI",
        }
    }

    /// Parses a vendor id (case-insensitive; `claude-code` and `gemini-cli` accepted).
    pub fn parse(s: &str) -> Option<Vendor> {
        match s.to_ascii_lowercase().as_str() {
            "claude" | "claude-code" => Some(Vendor::Claude),
            "codex" => Some(Vendor::Codex),
            "gemini" | "gemini-cli" => Some(Vendor::Gemini),
            _ => None,
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

impl fmt::Display for Vendor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.display_name())
    }
}

/// A set of vendors (for example, the vendors that load one skill directory).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct VendorSet(u8);

impl VendorSet {
    /// The empty set.
    pub const EMPTY: VendorSet = VendorSet(0);

    /// A set of one vendor.
    pub fn only(v: Vendor) -> Self {
        VendorSet(v.bit())
    }

    /// A set of the given vendors.
    pub fn of(vs: &[Vendor]) -> Self {
        vs.iter().fold(VendorSet::EMPTY, |s, v| s.with(*v))
    }

    /// This set plus `v`.
    #[must_use]
    pub fn with(self, v: Vendor) -> Self {
        VendorSet(self.0 | v.bit())
    }

    /// Union.
    #[must_use]
    pub fn union(self, o: VendorSet) -> Self {
        VendorSet(self.0 | o.0)
    }

    /// Whether `v` is in the set.
    pub fn contains(self, v: Vendor) -> bool {
        self.0 & v.bit() != 0
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The vendors in the set, in display order.
    pub fn iter(self) -> impl Iterator<Item = Vendor> {
        Vendor::ALL.into_iter().filter(move |v| self.contains(*v))
    }
}

impl Serialize for VendorSet {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}
