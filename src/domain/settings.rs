//! Who runs this copy of the workbench: the county, township/street and village/community that
//! records and printouts are filled with, and the county's own numbers.

use super::procedure::CountyRules;
use serde::{Deserialize, Serialize};

/// Settings of this copy.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// 县（市）.
    #[serde(default)]
    pub county: String,
    /// 乡镇（街道）.
    #[serde(default)]
    pub township: String,
    /// 村（社区）: new records start with it.
    #[serde(default)]
    pub community: String,
    /// Numbers the notice leaves to the county.
    #[serde(default)]
    pub rules: CountyRules,
}

impl Settings {
    /// Nothing has been set.
    pub fn is_empty(&self) -> bool {
        *self == Settings::default()
    }

    /// The issuing organisation as printed, e.g. 某县某镇幸福社区.
    pub fn organisation(&self) -> String {
        self.place().organisation()
    }

    /// Where this copy is run.
    pub fn place(&self) -> Place {
        Place {
            county: self.county.clone(),
            township: self.township.clone(),
            community: self.community.clone(),
        }
    }
}

/// Where a file comes from: county, township/street, village/community (each may be blank). An
/// export file names it, so that a bureau's overview can count by place.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Place {
    /// 县（市）.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub county: String,
    /// 乡镇（街道）.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub township: String,
    /// 村（社区）.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub community: String,
}

impl Place {
    /// Nothing is known.
    pub fn is_empty(&self) -> bool {
        self.county.is_empty() && self.township.is_empty() && self.community.is_empty()
    }

    /// The three names run together, as an organisation is printed.
    pub fn organisation(&self) -> String {
        [&self.county, &self.township, &self.community].iter().map(|s| s.as_str()).collect()
    }
}
