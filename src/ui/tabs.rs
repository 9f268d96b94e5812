//! What the tabs of one browser tell each other about the data, over a BroadcastChannel named
//! after the database: one message type ([`TabMessage`]), sent by [`tell`] and read by
//! [`TabMessage::read`]. The JSON shapes are those earlier builds send, so a tab left open across
//! an update still understands its neighbours.

use serde::{Deserialize, Serialize};

/// A part of the data that changed as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// 设置.
    Settings,
    /// The opinion ledger.
    Opinions,
    /// The county's list.
    Catalogue,
    /// Many records at once (an import).
    Records,
    /// Everything (the training data wiped).
    All,
}

/// A message between tabs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum TabMessage {
    /// A record was deleted (`{"id", "deleted": true}`).
    Deleted {
        /// The record.
        id: String,
        /// Always true.
        deleted: bool,
    },
    /// A record was saved at a revision (`{"id", "revision"}`).
    Saved {
        /// The record.
        id: String,
        /// Its revision now.
        revision: u64,
    },
    /// A part of the data changed (`{"changed", "tab"}`), said by the page `tab` (which does not
    /// act on its own message).
    Changed {
        /// What changed.
        changed: Part,
        /// The page that changed it ([`super::page_tab`]).
        tab: String,
    },
}

impl TabMessage {
    /// A message as it arrived; `None` for anything else.
    pub fn read(text: &str) -> Option<TabMessage> {
        serde_json::from_str(text).ok()
    }

    /// The record the message is about, if it is about one.
    pub fn record(&self) -> Option<&str> {
        match self {
            TabMessage::Deleted { id, .. } | TabMessage::Saved { id, .. } => Some(id),
            TabMessage::Changed { .. } => None,
        }
    }
}

/// Tells the other tabs (and the other module of this page) on the database's channel.
pub fn tell(channel: &str, message: &TabMessage) {
    if let (Ok(ch), Ok(text)) = (web_sys::BroadcastChannel::new(channel), serde_json::to_string(message)) {
        let _ = ch.post_message(&wasm_bindgen::JsValue::from_str(&text));
        ch.close();
    }
}

/// Listens to the messages of the tabs on a channel until dropped (the channel is closed then).
pub struct Hearing {
    channel: web_sys::BroadcastChannel,
    _listener: super::route::Listener,
}

impl Drop for Hearing {
    fn drop(&mut self) {
        self.channel.close();
    }
}

/// Calls `f` with every message heard on the database's channel `channel` (anything else sent
/// there is left alone); `None` where the browser has no BroadcastChannel.
pub fn hear(channel: &str, f: impl Fn(TabMessage) + 'static) -> Option<Hearing> {
    let channel = web_sys::BroadcastChannel::new(channel).ok()?;
    let listener = super::route::listen(&channel, "message", move |e: web_sys::Event| {
        use wasm_bindgen::JsCast;
        let text = e.dyn_ref::<web_sys::MessageEvent>().and_then(|m| m.data().as_string());
        if let Some(message) = text.as_deref().and_then(TabMessage::read) {
            f(message);
        }
    });
    Some(Hearing { channel, _listener: listener })
}
