//! Who runs this copy of the workbench: the county, township/street and village/community that
//! records and printouts are filled with, and the county's own numbers.

use super::procedure::CountyRules;
use serde::{Deserialize, Serialize};

/// Settings of this copy.
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
    /// The issuing organisation as printed, e.g. 某县某镇幸福社区.
    pub fn organisation(&self) -> String {
        [&self.county, &self.township, &self.community]
            .iter()
            .filter(|s| !s.is_empty())
            .map(|s| s.as_str())
            .collect()
    }
}
