//! The one translation layer: every string the UI shows that is not data (catalogue and
//! procedure labels are data, in Chinese) goes through [`t`] or a function here. Simplified
//! Chinese is the default; English follows key by key.

use crate::domain::catalogue::FlawKind;
use crate::domain::validate::{Problem, ProblemKind, Target};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A UI language (and the language of a printed document: `"zh"` or `"en"` in JSON).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// 简体中文 (default).
    #[default]
    Zh,
    /// English.
    En,
}

macro_rules! keys {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        /// The order of the keys (that of the English file's strings).
        #[allow(non_camel_case_types, dead_code, clippy::enum_variant_names)]
        #[repr(u16)]
        enum Order { $($key),* }

        /// A UI string: its place in the table below and its Chinese text. Keys are constants
        /// (`Key::AppTitle`), not indexes into one table, so that a wasm module carries the
        /// Chinese of the keys its own code uses and no more: the app's module (the catalogue)
        /// does not carry the editor's strings.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct Key {
            index: u16,
            zh: &'static str,
        }

        #[allow(non_upper_case_globals, missing_docs)]
        impl Key {
            $(pub const $key: Key = Key { index: Order::$key as u16, zh: $zh };)*
        }

        /// How many keys there are (and strings in the English file).
        pub const KEY_COUNT: usize = [$(Order::$key as u16),*].len();

        /// The English string of each key, in the order of [`Key`]. In the browser the English
        /// comes from the English file ([`install_english`]), so that the app's wasm does not
        /// carry it for everyone; natively (tests, the file's generator) it is here.
        #[cfg(not(target_arch = "wasm32"))]
        pub const EN_UI: &[&str] = &[$($en),*];

        /// The Chinese string of each key, in the order of [`Key`] (tests only).
        #[cfg(not(target_arch = "wasm32"))]
        pub const ZH_UI: &[&str] = &[$($zh),*];
    };
}

/// The string for a key. English before the English file is installed (in the browser) falls
/// back to Chinese.
pub fn t(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::Zh => key.zh,
        Lang::En => english_ui().get(usize::from(key.index)).copied().unwrap_or(key.zh),
    }
}

/// The English strings of the keys: natively the table's; in the browser those installed.
#[cfg(not(target_arch = "wasm32"))]
fn english_ui() -> &'static [&'static str] {
    EN_UI
}

#[cfg(target_arch = "wasm32")]
fn english_ui() -> &'static [&'static str] {
    ENGLISH.get().map_or(&[], |e| e.ui.as_slice())
}

/// The English file: the UI strings in the order of [`Key`], and the data's labels by id
/// (`data/en.json`). Written by `cargo run --example english` into `assets/english.json`
/// (a test keeps it in step); fetched by the browser only when English is chosen.
#[derive(Serialize, Deserialize)]
pub struct EnglishFile {
    /// The UI strings, in the order of [`Key`].
    pub ui: Vec<String>,
    /// The data's labels (`data/en.json` as it is), read when installed.
    pub data: Box<serde_json::value::RawValue>,
}

#[cfg(target_arch = "wasm32")]
struct English {
    ui: Vec<&'static str>,
    data: DataEn,
}

#[cfg(target_arch = "wasm32")]
static ENGLISH: std::sync::OnceLock<English> = std::sync::OnceLock::new();

/// Whether English can be shown now (always, natively).
pub fn english_ready() -> bool {
    #[cfg(target_arch = "wasm32")]
    return ENGLISH.get().is_some();
    #[cfg(not(target_arch = "wasm32"))]
    true
}

/// Installs the English file (its text); false when it does not read, or is not this build's
/// (another number of strings). Installed once; later calls change nothing.
pub fn install_english(text: &str) -> bool {
    let Ok(file) = serde_json::from_str::<EnglishFile>(text) else { return false };
    if file.ui.len() != KEY_COUNT {
        return false;
    }
    #[cfg(target_arch = "wasm32")]
    {
        let Ok(data) = serde_json::from_str::<DataEn>(file.data.get()) else { return false };
        let ui = file.ui.into_iter().map(|s| &*Box::leak(s.into_boxed_str())).collect();
        let _ = ENGLISH.set(English { ui, data });
    }
    true
}

keys! {
    AppTitle => "城乡社区协商工作台", "Community Consultation Workbench";
    AppTagline => "从群众意见到协商成果落实，按程序逐项办理、留痕可查", "From residents' opinions to implemented results, step by step, on the record";
    MainNav => "主导航", "Main navigation";
    SkipToContent => "跳到正文", "Skip to the content";
    TableOf => "{}（表格）", "{} (table)";
    NavCatalogue => "协商事项目录", "Catalogue";
    NavOpinions => "群众意见台账", "Opinion ledger";
    NavRecords => "协商台账", "Records ledger";
    NavSettings => "设置", "Settings";
    NavSupervise => "督办", "Supervision";
    LinkedOpinionsHeading => "记入本议题的群众意见", "Residents' opinions taken up by this topic";
    LinkedOpinionsNone => "尚未从群众意见台账记入意见。", "No opinion of the opinion ledger taken up yet.";
    LinkOpinionNoOtherPending => "群众意见台账中没有其他待研究的意见。", "The opinion ledger holds no other pending opinion.";
    LinkOpinionNonePending => "群众意见台账中没有待研究的意见，无可记入。可先在导航栏的“群众意见台账”页登记收到的意见，再回到这里记入；也可以直接在上方填写意见来源渠道和群众意见摘要。", "The opinion ledger holds no pending opinion to take up. Log what residents raised on the opinion ledger page (in the navigation) first and come back to take it up here, or fill in the source channels and summary above.";
    LinkOpinionChoose => "从群众意见台账选择待研究的意见", "Choose a pending opinion from the opinion ledger";
    LinkOpinionButton => "记入本议题", "Take it up";
    SuperviseHeading => "督办：协商成果落实情况", "Supervision: implementing the results";
    SuperviseIntro => "列出落实期限已过仍未落实的协商成果（逾期），以及{}天内到期的（天数由县（市）在“设置”中规定）。逾期未落实的，在记录第5阶段填写催办日期，即可打印督办催办函。", "Lists the results not carried out by their deadline (overdue), and those due within {} days (the county sets the days in Settings). For an overdue one, enter the reminder date in stage 5 of the record to print the reminder letter.";
    SuperviseIntroOne => "列出落实期限已过仍未落实的协商成果（逾期），以及{}天内到期的（天数由县（市）在“设置”中规定）。逾期未落实的，在记录第5阶段填写催办日期，即可打印督办催办函。", "Lists the results not carried out by their deadline (overdue), and those due within {} day (the county sets the days in Settings). For an overdue one, enter the reminder date in stage 5 of the record to print the reminder letter.";
    SuperviseIntroDefault => "列出落实期限已过仍未落实的协商成果（逾期），以及{}天内到期的（本县（市）尚未在“设置”中规定天数，暂按{}天）。逾期未落实的，在记录第5阶段填写催办日期，即可打印督办催办函。", "Lists the results not carried out by their deadline (overdue), and those due within {} days (the county has not set the days in Settings; {} is the default). For an overdue one, enter the reminder date in stage 5 of the record to print the reminder letter.";
    SuperviseCounts => "逾期{}项，即将到期{}项。", "{} overdue, {} due soon.";
    SuperviseNone => "没有逾期或即将到期的协商成果。", "No result is overdue or due soon.";
    SuperviseOverdue => "逾期{}天", "{} days overdue";
    SuperviseOverdueOne => "逾期{}天", "{} day overdue";
    SuperviseDueToday => "今天到期", "Due today";
    SuperviseDueIn => "{}天后到期", "Due in {} days";
    SuperviseDueInOne => "{}天后到期", "Due in {} day";
    SuperviseNoLetter => "尚未发出公函", "No letter sent yet";
    SuperviseNoReport => "尚无进展报告", "No progress reported";
    SuperviseReminded => "{}已催办（打印催办函）", "Reminded on {} (print the reminder)";
    SuperviseIssueReminder => "发出催办函", "Send a reminder";
    SuperviseIssueLetter => "先发督办公函", "Send the official letter first";
    SuperviseNoReminder => "—", "—";
    SuperviseColDue => "到期情况", "Due";
    SuperviseColTopic => "协商议题", "Topic";
    SuperviseColImplementer => "落实方", "Implementer";
    SuperviseColLetter => "督办公函", "Official letter";
    SuperviseColReport => "最近一次进展", "Latest progress";
    SuperviseColReminder => "催办", "Reminder";
    BadSuperviseDays => "督办提前提醒天数应为1至365之间的整数，或留空（按7天）。", "Days for supervision must be a whole number from 1 to 365, or empty (7).";
    SuperviseDays => "督办提前提醒天数（落实期限前几天列入督办；不填按7天）", "Days before the deadline an implementation is listed for supervision (7 if left empty)";
    CatalogueHeading => "协商事项目录", "Catalogue of matters";
    CatalogueIntroCounty => "以下为本县（市）编制的事项清单。选定事项后点“发起协商”开始办理；清单之外的事项可在页末按“其他事项”发起。", "The county's own list of matters. Pick a matter and press “Start” to open a consultation; a matter not in the list can be started under “Other matter” at the end of the page.";
    CatalogueIntro => "以下为《城乡社区协商事项指导目录清单（模板）》原文。模板中的空行、重复、缺号等问题按原样保留并标注，由各县（市）结合实际完善。选定事项后点“发起协商”开始办理。", "The template catalogue as published. Its blank rows, duplicates and gaps are kept as they are and flagged, for each county to resolve. Pick a matter and press “Start” to open a consultation.";
    MatterCount => "事项数", "Matters";
    UnlabelledGroup => "（模板未标注类别）", "(no category in the template)";
    ColNumber => "序号", "No.";
    ColMatter => "事项", "Matter";
    ColRemark => "备注", "Remarks";
    ColAction => "操作", "Action";
    BlankRow => "（空行，待县（市）补充）", "(blank row, for the county to fill)";
    NoNumber => "无序号", "no number";
    FlawsHeading => "模板中需完善之处", "What the template leaves to resolve";
    FlawsIntro => "以下问题照录模板原样，未作改动。", "These are reproduced as in the template, not corrected.";
    SearchLabel => "查找事项", "Find a matter";
    SearchPlaceholder => "输入关键字，如：充电桩", "Type a word, e.g. 充电桩";
    NoMatch => "没有找到相符的事项。", "No matching matter.";
    Loading => "正在加载……", "Loading…";
    ExtrasFailed => "此功能尚未下载，且现在无法下载（可能没有网络）。已保存的记录不受影响，请联网后重试。", "This part of the app has not been downloaded yet and cannot be downloaded now (perhaps there is no network). Saved records are not affected; try again when online.";
    Retry => "重试", "Try again";
    SourceNote => "依据：昌吉回族自治州民政局《关于进一步做好昌吉州城乡社区协商工作的通知》（昌州民字〔2021〕85号）", "Source: Changji Prefecture Civil Affairs Bureau, notice Changzhou Minzi [2021] No. 85";
    StartConsultation => "发起协商", "Start";
    SuggestedValue => "不填写时，按“{}”落款（按本记录的村（社区）、乡镇（街道）和牵头组织者生成；本阶段完成时写入记录）。", "Left blank, the documents are signed “{}” (made from this record's village, township and lead; written into the record when this stage is completed).";
    OtherMatterHeading => "其他事项（清单以外）", "Another matter (not in the list)";
    OtherMatterIntro => "清单未列出的事项，可在此填写后发起协商。", "For a matter the list does not name.";
    OtherMatterName => "事项名称", "Matter";
    OtherMatterEmpty => "请先填写事项名称。", "Enter the matter first.";
    OtherCategory => "其他事项", "Other matter";
    HintCross => "常涉及多个村（社区）", "often cross-village";
    HintTechnical => "常具专业性、技术性", "often technical";
    HintWide => "常涉及面广、关注度高", "often wide-reaching";
    StorageFailed => "无法保存到本机浏览器：", "Cannot save in this browser: ";
    StorageFailedKeep => "您的修改仍保留在本页中，关闭页面前请先导出备份。", "Your changes are kept in this page; export a copy before you close it.";
    ExportBackup => "导出备份（JSON）", "Export a copy (JSON)";
    StorageCorrupt => "条记录无法读取，已跳过（原数据保留未删）。", "entries could not be read and were skipped (kept, not deleted).";
    Saved => "已保存", "Saved";
    Saving => "正在保存……", "Saving…";
    SaveFailed => "保存失败", "Not saved";
    NotFoundRecord => "找不到这条协商记录，可能已被删除。", "This record was not found; it may have been deleted.";
    BackToLedger => "返回协商台账", "Back to the ledger";
    RecordId => "记录编号", "Record";
    Revision => "版本", "Revision";
    Community => "村（社区）", "Village/community";
    Category => "类别", "Category";
    StepperLabel => "协商程序", "Procedure";
    StageOpen => "未完成", "Open";
    StageCompleted => "已完成", "Completed";
    StageRecheck => "需重新确认", "Re-check";
    StepProblems => "{}个问题", "{} problems";
    StepProblemsOne => "{}个问题", "{} problem";
    StageNumber => "第{}阶段", "Stage {}";
    Clause => "依据", "Notice";
    Required => "必做", "Required";
    Conditional => "本事项必做", "Required here";
    ConditionalOff => "视情况", "If it applies";
    Optional => "可选", "Optional";
    ItemState => "完成情况", "State";
    ItemOpen => "未完成", "Not done";
    ItemDone => "已完成", "Done";
    ItemNa => "不适用", "Not applicable";
    NaReason => "不适用的理由", "Why it does not apply";
    Yes => "是", "Yes";
    No => "否", "No";
    ChooseOne => "请选择", "Choose";
    ReportHeading => "本阶段检查", "Check of this stage";
    ReportClean => "本阶段各项要求均已满足。", "Everything this stage requires is in place.";
    ReportErrors => "尚有{}个问题须解决：", "{} problems to resolve:";
    ReportErrorsOne => "尚有{}个问题须解决：", "{} problem to resolve:";
    ReportWarnings => "提示：", "Notes:";
    CompleteStage => "完成本阶段", "Complete this stage";
    ReopenStage => "重新打开本阶段", "Reopen this stage";
    GatePrevious => "须先完成第{}阶段“{}”。", "Complete stage {} (“{}”) first.";
    GateErrors => "本阶段尚有{}个问题未解决，见上方检查结果。", "{} problems remain in this stage; see the check above.";
    GateErrorsOne => "本阶段尚有{}个问题未解决，见上方检查结果。", "{} problem remains in this stage; see the check above.";
    GateAlreadyCompleted => "本阶段已经完成。", "This stage is completed already.";
    GateNotCompleted => "本阶段尚未完成，无需重新打开。", "This stage is not completed; there is nothing to reopen.";
    GateUnknownStage => "本工作台的程序中没有这个阶段（{}）。", "This procedure has no such stage ({}).";
    RefusedLocked => "未保存：第{}阶段“{}”已完成，内容已锁定，此处显示的是保存的内容。如需修改，请先到该阶段点击“重新打开本阶段”。", "Not saved: stage {} (“{}”) is completed and locked; this shows what is saved. To change it, reopen that stage first.";
    RefusedBadValue => "未保存：“{}”的内容不符合要求，此处显示的是保存的内容。", "Not saved: the value of “{}” does not fit; this shows what is saved.";
    RefusedUnknown => "未保存：本工作台的程序中没有“{}”，此处显示的是保存的内容。", "Not saved: this procedure has no “{}”; this shows what is saved.";
    RefusedGate => "未能完成：{}", "Not done: {}";
    SaveFailedHere => "刚才的修改未能保存到本机浏览器：{}。修改仍保留在本页中，请不要关闭本页，并用页面上方的“导出备份（JSON）”保存一份。", "Your last changes could not be saved in this browser: {}. They are kept in this page: do not close it, and save a copy with “Export a copy (JSON)” at the top of the page.";
    GateReady => "本阶段各项要求均已满足，可以完成。", "This stage can be completed.";
    CompletedAt => "本阶段已于{}完成，内容已锁定；如需修改，请重新打开。", "Completed on {}; reopen it to change anything.";
    RecheckNote => "前面的阶段曾重新打开，请核对本阶段后再次完成。", "An earlier stage was reopened: check this stage and complete it again.";
    AllDone => "五个阶段均已完成，本次协商已办结。", "All five stages are complete.";
    AllDoneUnfulfilled => "五个阶段均已完成；协商成果未能落实，原因已在反馈说明中写明。", "All five stages are complete; the outcome could not be implemented, for the reason given in the feedback notes.";
    PartyN => "参与主体 {}", "Party {}";
    UpgradeNote => "本记录建于本工作台的早期版本，当时不记地点和牵头组织单位。已按本机设置补记：县（市）{}，乡镇（街道）{}；文书按“{}”落款。补记已写入修改记录；如有不对，可重新打开第1阶段修改。", "This record was made by an earlier build, which kept no place or lead body. Filled in from this copy's settings: county {}, township {}; documents are signed “{}”. This is in the change log; if it is wrong, reopen stage 1 to change it.";
    NotSet => "（未设置）", "(not set)";
    PartyName => "姓名或名称", "Name";
    PartyRole => "身份", "Role";
    PartyOrg => "单位或住址", "Organisation or address";
    PartyStakeholder => "利益相关方", "Stakeholder";
    PartyAttended => "出席情况", "Attendance";
    AttendUnknown => "未登记", "Not recorded";
    AttendYes => "出席", "Attended";
    AttendNo => "未出席", "Absent";
    PartyOpinion => "书面意见", "Written opinion";
    PartyNoOpinion => "未交书面意见的原因", "Why no written opinion";
    AddParty => "添加参与主体", "Add a party";
    RemoveParty => "删除此参与主体", "Remove this party";
    NoParties => "尚未添加参与主体。", "No party yet.";
    RefusedFromReports => "“{}”按最近一次落实进展报告填写，不能直接修改：请添加新的进展报告。", "“{}” says what the latest progress report says and is not typed over: add a new report.";
    RefusedNoNote => "请填写进展说明后再添加进展报告。", "Write what was done before adding the report.";
    FilledByReport => "按落实进展报告第（{}）条填写；如有变化，请添加新的进展报告。", "As progress report ({}) says; add a new report when it changes.";
    ProgressNoteFirst => "填写进展说明后才能添加。", "Write what was done to add the report.";
    ProgressAdded => "已记录{}次进展报告。", "{} progress reports recorded.";
    ProgressAddedOne => "已记录{}次进展报告。", "{} progress report recorded.";
    ProgressRemoveOne => "删除{}的报告", "Remove the report of {}";
    ProgressNone => "尚未记录落实进展。每次汇报记一条：最近一次汇报的落实进度、反馈和公开情况填入本阶段的“落实情况”“反馈日期”“公开日期”等栏。", "No progress reported yet. Record each report: the latest one's progress, feedback and publication fill this stage's status, feedback and publication fields.";
    ProgressNew => "新的进展汇报", "New progress report";
    ProgressDate => "进展汇报日期", "Date of the report";
    ProgressReporter => "汇报单位", "Reported by";
    ProgressStatus => "落实进度", "Progress";
    ProgressNote => "进展说明", "What was done";
    ProgressFedBack => "反馈各方的日期", "Fed back to the parties on";
    ProgressPublished => "向群众公开的日期", "Made public on";
    ProgressChannels => "公开的渠道", "Where it was made public";
    ProgressAdd => "添加进展报告", "Add the report";
    ConflictTitle => "此记录已在另一个标签页或窗口中修改", "This record was changed in another tab or window";
    ConflictBody => "另一处保存的是第{}版。为免互相覆盖，本页的修改尚未保存。请选择：", "Revision {} was saved elsewhere. Your changes here are not saved yet. Choose:";
    ConflictKeepMine => "保留本页的修改（覆盖另一处）", "Keep my changes (replace the other)";
    ConflictTakeTheirs => "载入另一处的版本（放弃本页修改）", "Load the other version (drop my changes)";
    ReloadedOther => "已载入另一标签页保存的最新版本。", "Loaded the newer version saved in another tab.";
    LedgerHeading => "协商台账", "Records ledger";
    LedgerEmpty => "还没有协商记录。可在“协商事项目录”中选定事项，点“发起协商”。", "No record yet. Pick a matter in the catalogue and press “Start”.";
    FilterText => "查找记录", "Find";
    FilterStatus => "状态", "Status";
    FilterCategory => "类别", "Category";
    FilterStage => "当前阶段", "Stage";
    FilterOverdue => "只看逾期", "Overdue only";
    All => "全部", "All";
    StatusConsulting => "协商中", "Consulting";
    StatusImplementing => "落实中", "Implementing";
    StatusCompleted => "已办结", "Completed";
    StatusUnfulfilled => "未能落实", "Could not be implemented";
    Overdue => "逾期", "Overdue";
    Total => "共", "Total";
    CountsLabel => "各状态数量", "Counts by status";
    ColTopic => "事项与议题", "Matter and topic";
    ColCommunity => "村（社区）", "Village";
    ColStage => "当前阶段", "Stage";
    ColStatus => "状态", "Status";
    ColUpdated => "最后修改", "Last change";
    ColDeadline => "落实期限", "Deadline";
    SortBy => "按此列排序", "Sort by this column";
    Copy => "复制为新记录", "Copy as new";
    Delete => "删除", "Delete";
    ConfirmDelete => "确认删除", "Confirm delete";
    Cancel => "取消", "Cancel";
    DeleteQuestion => "确定删除“{}”？", "Delete “{}”?";
    Deleted => "已删除“{}”。", "Deleted “{}”.";
    Undo => "撤销", "Undo";
    ShowingRows => "显示第{}–{}条，共{}条", "Rows {}–{} of {}";
    PrevPage => "上一页", "Previous";
    NextPage => "下一页", "Next";
    NoRowsMatch => "没有符合条件的记录。", "No record matches.";
    OpinionsHeading => "群众意见台账", "Residents' opinion ledger";
    OpinionsIntro => "依据二（四）1：利用群众意见箱、定期入户走访等多种方式，建立群众意见台账。", "Notice 2(4)1: keep a ledger of residents' opinions.";
    NewOpinion => "登记群众意见", "Log an opinion";
    OpinionDate => "日期", "Date";
    OpinionChannel => "渠道", "Channel";
    OpinionWho => "反映人", "Raised by";
    OpinionContent => "意见内容", "Opinion";
    OpinionStatus => "状态", "Status";
    AddOpinion => "登记", "Log";
    OpinionEmpty => "请填写意见内容。", "Enter the opinion.";
    NoOpinions => "还没有登记群众意见。", "No opinion logged yet.";
    OpinionPending => "待研究", "Pending";
    OpinionAnswered => "已答复", "Answered";
    OpinionInRecord => "已转为议题（{}）", "Taken up ({})";
    SelectOpinion => "选中", "Select";
    PromoteHeading => "转为协商议题", "Make a consultation topic";
    PromoteMatter => "对应的协商事项", "Matter";
    Promote => "转为协商议题", "Make a consultation topic";
    PromoteNone => "请先选中一条或多条待研究的意见。", "Select one or more pending opinions first.";
    PromoteNoMatter => "请选择对应的协商事项。", "Choose the matter.";
    OpenRecord => "查看协商记录", "Open the record";
    LinkedOpinions => "本次协商源自群众意见{}条", "Taken up from {} residents' opinions";
    LinkedOpinionsOne => "本次协商源自群众意见{}条", "Taken up from {} residents' opinion";
    SettingsHeading => "设置", "Settings";
    SettingsIntro => "本工作台由谁使用：新建记录和打印文书时使用以下名称。", "Who runs this copy: used to fill records and printouts.";
    County => "县（市）", "County";
    Township => "乡镇（街道）", "Township/street";
    SettingsCommunity => "村（社区）", "Village/community";
    CountyRules => "本县（市）规定的期限（通知未规定，不填则不检查）", "The county's own time limits (not set by the notice; blank means unchecked)";
    PublicityDays => "公示至协商至少天数", "Least days from publicity to consultation";
    ImplementationDays => "协商后公开落实情况的期限（天）", "Days within which implementation is published";
    SaveSettings => "保存设置", "Save settings";
    SettingsSaved => "设置已保存。", "Settings saved.";
    BadNumber => "请填写正整数，或留空。", "Enter a whole number, or leave it blank.";
    PageNotFound => "找不到此页面。", "Page not found.";
    TransferHeading => "导出与导入", "Export and import";
    ExportAll => "导出全部记录（JSON）", "Export all records (JSON)";
    ExportShown => "导出筛选出的记录（JSON）", "Export the records shown (JSON)";
    ExportCsv => "导出台账（CSV）", "Export the ledger (CSV)";
    ExportRecord => "导出此记录（JSON）", "Export this record (JSON)";
    ExportedN => "已导出{}条记录。", "Exported {} records.";
    ExportedNOne => "已导出{}条记录。", "Exported {} record.";
    ImportLabel => "导入协商记录文件（JSON）", "Import a records file (JSON)";
    ImportReading => "正在读取文件……", "Reading the file…";
    PreviewStale => "预览之后本机的记录有了变动，预览已作废，未导入任何记录。请重新选择文件。", "The records here changed after the preview was made, so it was withdrawn and nothing was imported. Please choose the file again.";
    ImportFailed => "文件“{}”无法导入：{}。位置：{}。本机数据未作任何改动。", "“{}” cannot be imported: {}. Where: {}. Nothing here was changed.";
    ImportRecordN => "第{}条记录，", "record {}, ";
    ImportWholeFile => "整个文件", "the whole file";
    ImpTooLarge => "文件过大（{} MB），超过200 MB的上限", "the file is too large ({} MB; the limit is 200 MB)";
    ImpEmpty => "文件是空的", "the file is empty";
    ImpTruncated => "文件不完整，在第{}行第{}列处中断", "the file is cut short at line {}, column {}";
    ImpNotJson => "文件不是有效的JSON（第{}行第{}列）", "the file is not valid JSON (line {}, column {})";
    ImpTooDeep => "文件嵌套层次过深（第{}行第{}列）", "the file is nested too deeply (line {}, column {})";
    ImpWrongFormat => "这不是本工作台导出的协商记录文件", "this is not a records file exported by this workbench";
    ImpWrongListFormat => "这不是本工作台导出的事项清单文件", "this is not a list file exported by this workbench";
    ImpUnknownVersion => "文件格式版本为{}，本工作台只能读取版本1", "the file's format version is {}; this workbench reads version 1";
    ImpShape => "内容不符合格式（{}）", "a value has the wrong form ({})";
    ImpDuplicate => "记录编号“{}”重复出现", "the id “{}” appears twice";
    ImpBadId => "编号不符合要求（编号须为1至100个英文字母、数字或“.”“_”“-”，以字母或数字开头）", "an id does not follow the rule (1 to 100 ASCII letters, digits, “.”, “_” or “-”, starting with a letter or digit)";
    ImpTooLong => "文字过长（{}字，上限20000字）", "a text is too long ({} characters; the limit is 20,000)";
    ImpProcedure => "记录依据的程序定义“{}”与本工作台不符", "the record follows another procedure definition (“{}”)";
    ImpNotInProcedure => "“{}”不是本工作台程序中的字段、事项或选项，或内容类型不符", "“{}” is not a field, item or option of this procedure, or has the wrong kind";
    ImpUtf16 => "文件是UTF-16编码的（可能由记事本等“另存为Unicode”保存），本工作台只读取UTF-8编码的文件，请导入本工作台导出的原文件，或另存为UTF-8后再导入", "the file is in UTF-16 (saved as “Unicode”, e.g. by Notepad); this workbench reads UTF-8 files only: import the file as exported, or save it again as UTF-8";
    ImpNotUtf8 => "文件不是UTF-8编码的（可能用GBK等其他编码另存过），本工作台只读取UTF-8编码的文件，请导入本工作台导出的原文件，或另存为UTF-8后再导入", "the file is not in UTF-8 (perhaps saved again as GBK or another encoding); import the file as exported, or save it again as UTF-8";
    ImpBadRevision => "修订号超出范围（大于9007199254740991），文件可能被改动过", "a revision is out of range (above 9007199254740991); the file may have been changed";
    PreviewHeading => "导入预览：确认前本机数据不会改动", "Import preview: nothing changes until you confirm";
    PreviewFile => "文件：{}　导出时间：{}　导出单位：{}", "File: {}  Exported: {}  By: {}";
    PreviewCounts => "新记录{}条，与本机相同{}条，比本机新{}条，比本机旧{}条，与本机冲突{}条", "{} new, {} identical, {} newer, {} older, {} conflicting";
    DigestWarning => "以下记录的校验码与内容不符，可能在导出后被改动过：", "These records do not match their digest; they may have been changed after export:";
    VerdictNew => "新记录", "New";
    VerdictIdentical => "与本机相同", "Identical";
    VerdictNewer => "比本机新", "Newer than here";
    VerdictOlder => "比本机旧", "Older than here";
    VerdictConflicting => "与本机冲突", "Conflicting";
    ActImport => "导入", "Import";
    ActReplace => "用导入的替换本机", "Replace the local copy";
    ActKeep => "保留本机", "Keep the local copy";
    ActAsNew => "作为新记录导入", "Import as a new record";
    ActSkip => "跳过", "Skip";
    ActNothing => "无需导入", "Nothing to do";
    ColVerdict => "与本机比较", "Compared with here";
    ColChoice => "处理", "Action";
    ConfirmImport => "确认导入", "Import";
    ImportDone => "已导入{}条记录。", "Imported {} records.";
    ImportDoneOne => "已导入{}条记录。", "Imported {} record.";
    ImportDoneOpinions => "已导入{}条群众意见。", "Imported {} residents' opinions.";
    ImportDoneOpinionsOne => "已导入{}条群众意见。", "Imported {} residents' opinion.";
    ImportDoneSettings => "已采用文件中的设置。", "The file's settings are in use.";
    PreviewBackup => "这是一份备份文件（导出备份），含当时的全部记录、群众意见和设置。", "This is a backup (Export a copy): every record, opinion and setting of the copy that made it.";
    PreviewOpinions => "群众意见：文件中{}条，其中本机已有{}条，所关联的协商记录不在本机、也不随本次导入的{}条，可导入{}条。", "Residents' opinions: {} in the file; {} are here already, {} name a record that is neither here nor imported now; {} can be imported.";
    PreviewUnearned => "；文件标明第{}阶段已完成，但本工作台检查未通过，导入后按未完成处理", "; the file marks stage {} completed, but it does not pass the check here: it counts as not completed";
    TakeOpinions => "导入这{}条群众意见", "Import these {} opinions";
    TakeOpinionsOne => "导入这{}条群众意见", "Import the {} opinion";
    PreviewSettings => "设置：文件中为“{}”，本机为“{}”。", "Settings: the file has “{}”, this copy has “{}”.";
    PreviewSettingsSame => "设置：与本机相同，无需导入。", "Settings: the same as here; nothing to do.";
    TakeSettings => "采用文件中的设置（县、乡镇（街道）、村（社区）和本县时限）", "Use the file's settings (county, township, village and the county's time limits)";
    NothingSet => "未填写", "not filled in";
    RulesDiffer => "（两者的本县时限不同）", " (their county time limits differ)";
    ImportSkippedChanged => "{}条记录在预览后被修改，未覆盖。", "{} records changed after the preview and were not overwritten.";
    ImportSkippedChangedOne => "{}条记录在预览后被修改，未覆盖。", "{} record changed after the preview and was not overwritten.";
    DigestLabel => "校验码", "Digest";
    BackupFileName => "协商工作台-备份.json", "xieshang-backup.json";
    ErrUnsupported => "此浏览器不支持或禁用了本地数据库（IndexedDB）", "this browser has no local database (IndexedDB), or it is switched off";
    ErrQuota => "浏览器存储空间已满", "the browser's storage is full";
    ErrClosed => "浏览器数据库已关闭", "the browser's database was closed";
    ErrIncomplete => "浏览器数据库结构不完整", "the browser's database is incomplete";
    ErrCorrupt => "这条记录在浏览器中的数据已损坏，无法读取", "this record's stored data is damaged and cannot be read";
    ErrCorruptStored => "浏览器中这条记录的已存数据已损坏，为免覆盖，未保存", "the stored copy of this record is damaged; to avoid overwriting it, nothing was saved";
    ErrAborted => "保存未完成（浏览器中止了写入）", "not saved (the browser aborted the write)";
    ErrDisk => "浏览器未能把数据写入本机磁盘（最常见的原因是电脑的磁盘空间已满，请清理磁盘后刷新页面）", "the browser could not write to this computer's disk (most often the disk is full: free some space, then reload)";
    RequiredField => "必填", "required";
    UnsavedCount => "（尚有{}条记录只保存在本页中）", " ({} records are kept only in this page)";
    UnsavedCountOne => "（尚有{}条记录只保存在本页中）", " ({} record is kept only in this page)";
    DeletedElsewhere => "此记录已在另一个标签页中删除", "This record was deleted in another tab";
    DeletedElsewhereUnsaved => "本页的修改尚未保存。可按本页内容恢复此记录，或返回协商台账。", "The changes on this page are not saved. Restore the record from this page, or go back to the records ledger.";
    DeletedElsewhereShown => "本页显示的是删除前的内容。可按此恢复此记录，或返回协商台账。", "This page shows the record as it was before it was deleted. Restore it from here, or go back to the records ledger.";
    RestoreHere => "按本页内容恢复此记录", "Restore the record from this page";
    PrintDocuments => "打印文书", "Print documents";
    PrintButton => "打印", "Print";
    DownloadWord => "下载Word文件（.docx）", "Download as Word (.docx)";
    WordFailed => "未能生成Word文件，请刷新页面后重试；打印功能不受影响。", "The Word file could not be made; reload and try again. Printing still works.";
    BackToRecord => "返回协商记录", "Back to the record";
    DocumentsNav => "文书", "Documents";
    PrintHint => "打印时请选择A4纸、不缩放；页码和校验码印在每页下方。", "Print on A4 at 100%; page numbers and the digest are on every page.";
    BlankDate => "　　年　　月　　日", "____-__-__";
    SealSpace => "（盖章）", "(seal)";
    EnglishUnavailable => "英文界面文件现在无法下载（可能没有网络），界面仍为中文。联网后再点“English”即可。", "The English interface could not be downloaded (perhaps there is no network); the interface stays in Chinese.";
    AppUpdated => "工作台已更新到新版本。记录保存在本机浏览器中，不受更新影响。", "The workbench was updated to a new version. Records are kept in this browser and are not affected.";
    Dismiss => "知道了", "OK";
    ErrListChanged => "事项清单已在另一个页面中修改，本页已换成那里保存的版本，请在此基础上重新修改", "the list was changed in another page; this page now shows that version, so make the change again on it";
    ErrBlocked => "浏览器数据库被本工作台的另一个页面占用，请关闭其他页面后刷新", "the database is held by another page of this workbench; close it and reload";
    ErrOther => "浏览器数据库出错（错误代码：{}）", "the browser's database failed (error code: {})";
    ErrOtherUnnamed => "浏览器数据库出错", "the browser's database failed";
    NavList => "事项清单", "Matters list";
    ListHeading => "本县（市）协商事项清单", "The county's list of matters";
    ListClause => "二（一）：“各县（市）结合实际建立城乡社区协商事项清单，切实保障村（居）民的参与权和监督权，提升基层群众自我管理能力。”通知末段：“各县（市）在建立城乡社区协商事项清单工作中，可参考《城乡社区协商事项指导目录清单（模板）》，结合各自实际进行完善，于12月5日前，将完善的城乡社区协商事项指导目录清单上报州民政局统一备案。”", "2(1) of the notice: each county sets up its own list of consultation matters; its closing paragraph: counties complete the template and file the list with the prefecture civil affairs bureau. (Quoted in Chinese in the Chinese interface.)";
    ListTemplateInUse => "本工作台目前使用通知附件的模板。本县（市）的协商事项清单由县（市）民政部门编制，并报州民政局备案。村（社区）不自行编制：请用下方的“导入事项清单（JSON）”导入县（市）民政部门下发的清单文件，导入前会先显示与现用清单的差别，确认后才替换。", "This copy uses the notice's template. The county's list of matters is made by the county civil affairs bureau and filed with the prefecture. Villages do not make their own: load the list file the county bureau sent with “Load a list file (JSON)” below; what would change is shown first, and nothing is replaced until you confirm.";
    ListCountyOnly => "我是县（市）民政部门的工作人员，要编制的是全县（市）的清单", "I work for the county civil affairs bureau and am making the county's list";
    ListStartNote => "编制后，本工作台新发起的协商将使用本县清单，不再使用模板；已有的协商记录不受影响。", "Afterwards, new consultations in this copy use the county's list instead of the template; existing records are not affected.";
    ListCountyLabel => "县（市）名称", "County";
    ListCountyEmpty => "请填写县（市）名称。", "Enter the county's name.";
    ListStart => "以模板为基础编制本县清单", "Make the county's list from the template";
    ListStarted => "已建立本县清单（第1版）。新发起的协商使用此清单。", "The county's list is made (version 1). New consultations use it.";
    ListSaved => "已保存为第{}版。新发起的协商使用此版本；已发起的协商保留发起时的事项。", "Saved as version {}. New consultations use it; those already opened keep their matter as it was.";
    ListImported => "已导入“{}”第{}版，新发起的协商使用此清单。", "Loaded “{}”, version {}. New consultations use it.";
    ListSummary => "{}　第{}版（{}）　在用事项{}项", "{}, version {} ({}), {} matters in use";
    ListSummaryOne => "{}　第{}版（{}）　在用事项{}项", "{}, version {} ({}), {} matter in use";
    ListExport => "导出清单（JSON）", "Export the list (JSON)";
    ListImportLabel => "导入事项清单（JSON）", "Load a list file (JSON)";
    ListPrint => "打印备案清单", "Print the list for filing";
    ListTitleLabel => "清单标题", "Title of the list";
    SaveTitle => "保存标题", "Save the title";
    GroupLabelField => "类别名称", "Category name";
    RenameGroup => "更改类别名称", "Rename the category";
    MoveUp => "上移", "Up";
    MoveDown => "下移", "Down";
    MoveUpNamed => "上移：{}", "Move up: {}";
    MoveDownNamed => "下移：{}", "Move down: {}";
    ColState => "状态", "State";
    ColVersion => "版本", "Version";
    ColDate => "日期", "Date";
    ColChange => "修改内容", "Change";
    InUse => "在用", "in use";
    RetiredOn => "已停用（{}）", "retired ({})";
    EditMatter => "修改", "Edit";
    EditMatterNamed => "修改：{}", "Edit: {}";
    RetireMatter => "停用", "Retire";
    RetireMatterNamed => "停用：{}", "Retire: {}";
    RestoreMatter => "恢复使用", "Restore";
    RestoreMatterNamed => "恢复使用：{}", "Restore: {}";
    MatterNameLabel => "事项名称", "Matter";
    SaveMatter => "保存修改", "Save";
    NewMatterName => "新增事项名称", "New matter";
    AddMatter => "添加事项", "Add the matter";
    AddMatterTo => "在“{}”中添加事项", "Add a matter to “{}”";
    RemarkLabel => "备注", "Remarks";
    HintsLegend => "提示", "Hints";
    HintCrossShort => "跨村（社区）", "cross-village";
    HintTechnicalShort => "专业性强", "technical";
    HintWideShort => "涉及面广", "wide-reaching";
    SlotRow => "空行（模板留空，待县（市）补充）", "Blank row (left for the county)";
    SlotNumbered => "第{}行空行", "blank row {}";
    FillSlotNumbered => "填写第{}行事项", "Matter for row {}";
    FillSlotLabel => "填写空行事项", "Matter for the blank row";
    FillSlot => "填入", "Fill in";
    ListFlawsHeading => "模板问题的处理", "Flaws of the template";
    FlawOpen => "未处理", "Not resolved";
    FlawResolvedAs => "已处理：{}（{}）", "Resolved: {} ({})";
    ResolutionLabel => "处理说明（{}）", "Resolution ({})";
    ResolveFlaw => "标记已处理", "Mark resolved";
    ReopenFlaw => "重新打开", "Reopen";
    ReopenFlawNamed => "重新打开：{}", "Reopen: {}";
    HistoryHeading => "版本记录", "Version history";
    CompareTemplate => "与模板比较", "Compare with the template";
    ComparePrevious => "与上一版本比较", "Compare with the previous version";
    CompareVersion => "与第{}版比较", "Compared with version {}";
    CompareHeading => "{}：{}处不同", "{}: {} differences";
    CompareHeadingOne => "{}：{}处不同", "{}: {} difference";
    CompareNone => "没有不同。", "No differences.";
    CompareUnavailable => "无法重建该版本（清单不是以本工作台的模板为基础编制的）。", "That version cannot be rebuilt (the list was not made from this program's template).";
    ChangeStarted => "以模板为基础建立", "Made from the template";
    ChangeTitle => "标题改为“{}”", "Title set to “{}”";
    ChangeRenameGroup => "类别名称改为“{}”", "Category renamed “{}”";
    ChangeMoveGroup => "类别“{}”移至第{}位", "Category “{}” moved to place {}";
    ChangeAdd => "在“{}”中添加“{}”", "Added to “{}”: “{}”";
    ChangeEdit => "修改事项“{}”", "Edited “{}”";
    ChangeRetire => "停用“{}”", "Retired “{}”";
    ChangeRestore => "恢复使用“{}”", "Restored “{}”";
    ChangeMoveEntry => "“{}”移至本类第{}行", "“{}” moved to row {} of its category";
    ChangeFill => "空行填入“{}”", "Blank row filled with “{}”";
    ChangeResolve => "处理模板问题：{}——{}", "Resolved: {} — {}";
    ChangeReopen => "重新打开模板问题：{}", "Reopened: {}";
    DiffTitle => "标题：“{}”改为“{}”", "Title: “{}” → “{}”";
    DiffGroupLabel => "类别名称：“{}”改为“{}”", "Category: “{}” → “{}”";
    DiffGroupOrder => "类别顺序调整", "Categories reordered";
    DiffAdded => "新增事项（{}）：{}", "Added ({}): {}";
    DiffRenamed => "事项改名：“{}”改为“{}”", "Renamed: “{}” → “{}”";
    DiffAnnotated => "备注或提示修改：{}", "Remarks or hints changed: {}";
    DiffRetired => "停用：{}", "Retired: {}";
    DiffRestored => "恢复使用：{}", "Restored: {}";
    DiffEntryOrder => "“{}”内事项顺序调整", "Rows reordered in “{}”";
    DiffResolved => "模板问题已处理：{}——{}", "Flaw resolved: {} — {}";
    DiffReopened => "模板问题重新打开：{}", "Flaw reopened: {}";
    ListErrTemplate => "模板本身不能修改，请先编制本县清单。", "The template itself is not edited; make the county's list first.";
    ListErrEmpty => "名称或说明不能为空。", "A name or note cannot be empty.";
    ListErrTooLong => "文字过长（不超过{}字）。", "Too long (at most {} characters).";
    ListErrNotFound => "清单中找不到“{}”（可能已在其他页面修改），请刷新后重试。", "“{}” is not in the list (changed in another page?); reload and try again.";
    ListErrDuplicate => "“{}”中已有“{}”。同一类别中的重复事项须在备注中说明原因。", "“{}” already has “{}”. A matter listed twice in one category needs a remark saying why.";
    ListErrPosition => "位置超出范围。", "That position is outside the list.";
    ListErrUnchanged => "内容没有变化，未保存。", "Nothing changed; nothing saved.";
    ListFileDuplicateId => "文件“{}”中的编号“{}”用了两次，未导入。", "In “{}” the id “{}” is used twice; nothing was loaded.";
    ListFileDanglingRef => "文件“{}”中的模板问题指向不存在的行或类别“{}”，未导入。", "In “{}” a flaw names a row or category “{}” that is not there; nothing was loaded.";
    ListFileEmpty => "文件“{}”中有名称或说明为空（位置：{}），未导入。", "In “{}” a name or note is empty (at {}); nothing was loaded.";
    ListFileTooLong => "文件“{}”中有文字过长（位置：{}），未导入。", "In “{}” a text is too long (at {}); nothing was loaded.";
    ListFileDuplicate => "文件“{}”中“{}”类别有重复事项“{}”且备注未说明原因，未导入。", "In “{}” the category “{}” lists “{}” twice with no remark saying why; nothing was loaded.";
    ListFileHistory => "文件“{}”中清单的版本记录与清单内容不符（可能被手工改动），未导入。", "In “{}” the list's history does not lead to the list (edited by hand?); nothing was loaded.";
    ListPreviewOther => "导入的清单不是本机正在使用的清单（编号不同）。确认导入将以它替换本机清单及其版本记录。", "The list in the file is not the one in use here (another id). Loading it replaces the list in use and its history.";
    ListUnreadable => "本机保存的事项清单已损坏，无法读取。目前使用模板；为免覆盖，暂不能修改或导入清单。", "The list stored here is damaged and cannot be read. The template is in use; to avoid overwriting it, the list cannot be changed or loaded now.";
    ListFileName => "{}-第{}版.json", "{}-version-{}.json";
    RenameGroupNamed => "更改类别名称：{}", "Rename the category: {}";
    ResolveFlawNamed => "标记已处理：{}", "Mark resolved: {}";
    FillSlotAfter => "填写空行事项（{}）", "Matter for the blank row ({})";
    DiffFilled => "空行填入（第{}行）：{}", "Blank row {} filled: {}";
    ListFileTemplate => "文件“{}”是未修改的模板，不是县（市）清单，未导入。", "“{}” is the bare template, not a county's list; nothing was loaded.";
    ListFileOtherBase => "文件“{}”中的清单以另一份模板（{}）为基础，本工作台无法使用，未导入。", "The list in “{}” was made from another template ({}); nothing was loaded.";
    ListPreviewHeading => "清单导入预览", "List import preview";
    ListPreviewFile => "文件“{}”：{}　第{}版（{}）", "File “{}”: {}, version {} ({})";
    ListPreviewOlder => "导入的清单不比本机使用的版本新（本机为第{}版）。确认导入将以它替换本机清单。", "The list in the file is not newer than the one in use (version {} here). Loading it replaces the one in use.";
    ListPreviewDiff => "与本机清单相比：{}处不同", "Compared with the list in use: {} differences";
    ListPreviewDiffOne => "与本机清单相比：{}处不同", "Compared with the list in use: {} difference";
    ConfirmListImport => "确认导入清单", "Load the list";
    BackToList => "返回事项清单", "Back to the list";
    FilingTemplateNote => "当前使用的是模板，尚未编制本县清单。", "This is the template; the county's list is not made yet.";
    ListVersion => "第{}版（{}）", "version {} ({})";
    NavOverview => "汇总分析", "Overview";
    NavTraining => "培训练习", "Training";
    NavVerify => "核验文书", "Check a document";
    VerifyIntro => "每份文书的每一页页脚都印有记录编号、版本和校验码。输入纸质文书上的校验码，可查明它出自本机哪条协商记录、与记录现在的内容是否一致；不一致时，再输入页脚的记录编号和版本，可列出打印之后的修改。", "Every page of every document carries the record's number, revision and digest in its foot. Type the digest printed on a paper copy to find the record it comes from and whether it still says what the record says; if not, type the record number and revision from the foot too, to list what changed after it was printed.";
    VerifyCode => "校验码（如 243D-4596-774A-B365）", "Digest (e.g. 243D-4596-774A-B365)";
    VerifyRecordId => "记录编号（页脚“记录”之后）", "Record number (after “Record” in the foot)";
    VerifyPrintedRevision => "版本（页脚“第…版”）", "Revision (“rev.” in the foot)";
    VerifyButton => "核验", "Check";
    VerifyBadCode => "校验码应为16位数字或字母A–F，如 243D-4596-774A-B365（可带或不带短横线）。", "A digest is 16 digits or letters A–F, e.g. 243D-4596-774A-B365 (with or without the dashes).";
    VerifyCurrent => "核验一致：这份文书出自协商记录{}第{}版（{}，{}），与本机保存的记录内容完全一致。", "Matches: this document comes from record {} at revision {} ({}, {}), and says what the record stored here says.";
    VerifyChanged => "核验不一致：记录{}现为第{}版，校验码为{}，与这份文书的校验码不同：文书打印之后，记录有过修改（或文书被改动过）。", "Does not match: record {} is now at revision {} with the digest {}, not the one on this document: the record changed after it was printed (or the paper was altered).";
    VerifyRevisionHint => "输入页脚的版本号后再核验，可列出打印之后的每一处修改。", "Type the revision from the foot and check again to list every change since it was printed.";
    VerifyUnknownRecord => "本机没有编号为{}的协商记录：它可能保存在另一台电脑上，或已被删除。", "No record numbered {} is stored here: it may be kept on another computer, or deleted.";
    VerifyNotFound => "本机没有与此校验码相符的协商记录。若记录保存在本机，说明文书打印后记录有修改：请一并输入页脚的记录编号和版本再核验。", "No record stored here has this digest. If the record is kept here, it changed after the document was printed: type the record number and revision from the foot too, and check again.";
    VerifySince => "第{}版之后的修改", "Changes after revision {}";
    VerifyWhen => "时间", "Time";
    VerifyRevision => "版本", "Revision";
    VerifyWhat => "修改", "Change";
    VerifyOpen => "打开此记录", "Open the record";
    VerifyFileHeading => "核验导出的文件", "Check an exported file";
    VerifyFileIntro => "选择从本工作台导出的协商记录文件（.json），逐条核对文件中的记录与本机保存的记录是否完全一致；不一致时，列出版本和之后的修改。文件只被读取，本机记录不会改变。", "Choose a records file exported from this workbench (.json) to check, record by record, whether it says exactly what is stored here; where it does not, the revisions and the changes since are listed. The file is only read; nothing stored here changes.";
    VerifyFileLabel => "选择导出的协商记录文件（JSON）", "Choose an exported records file (JSON)";
    VerifyFileCounts => "文件“{}”共{}条记录：与本机完全一致{}条，本机在导出后有修改{}条，文件比本机新{}条，两边各有修改{}条，本机没有{}条。", "File “{}”, records in it: {}; the same as here: {}; changed here since the export: {}; newer in the file: {}; changed on both sides: {}; not stored here: {}.";
    VerifyFileAlteredCount => "其中{}条记录的内容与文件中记载的校验值不符：文件导出之后被改动过，不能作为原件。", "{} of them do not match the digest the file gives: the file was changed after it was exported and cannot stand as the original.";
    VerifyFileFirst => "下表列出前{}条。", "The first {} are listed below.";
    VerifyFileRecord => "记录编号", "Record";
    VerifyFileTopic => "协商议题", "Topic";
    VerifyFileInFile => "文件中", "In the file";
    VerifyFileHere => "本机", "Here";
    VerifyFileRevisionCode => "第{}版　校验码 {}", "rev. {}  digest {}";
    VerifyFileRevision => "第{}版", "rev. {}";
    VerifyFileNone => "无", "none";
    VerifyFileResult => "核验结果", "Result";
    VerifyFileSame => "一致：与本机保存的记录完全相同。", "Matches: exactly what is stored here.";
    VerifyFileChangedHere => "不一致：文件是第{}版，本机已改到第{}版。导出之后本机的修改：", "Does not match: the file holds revision {}, this computer is at revision {}. Changed here since the export:";
    VerifyFileChangedInFile => "不一致：文件是第{}版，比本机的第{}版新（导出前在别处继续填写过）。文件中多出的修改：", "Does not match: the file holds revision {}, newer than revision {} here (filled in further elsewhere before the export). Changes in the file only:";
    VerifyFileDiverged => "不一致：文件（第{}版）与本机（第{}版）分开之后各有修改，或是编号相同的两条不同记录。", "Does not match: the file (revision {}) and this computer (revision {}) were both changed after they parted, or they are two records with one number.";
    VerifyFileNotHere => "本机没有这条记录。", "Not stored here.";
    VerifyFileAltered => "文件中这条记录的内容与其校验值不符：文件导出之后被改动过。", "This record's content does not match the digest the file gives: the file was changed after it was exported.";
    TrainingMark => "培训练习", "Training";
    TrainingMarkNote => "本模式下的记录仅供练习，与正式记录分开保存。", "Records made here are for practice only and are kept apart from real records.";
    EnterTraining => "进入培训练习", "Start training";
    TrainingFollowedOn => "另一个标签页已进入培训练习，本页也随之切换到培训练习。", "Another tab started training mode; this page has switched to training too.";
    TrainingFollowedOff => "另一个标签页已退出培训练习，本页也随之回到正式工作。", "Another tab left training mode; this page is back to real work too.";
    LeaveTraining => "退出培训练习", "Leave training";
    TrainingHeading => "培训练习", "Training";
    TrainingIntro => "供县（市）民政局培训村（社区）工作人员使用。练习记录保存在单独的培训数据中，与正式记录互不影响，可一键清除。每个案例取自协商事项清单，都停在某个阶段并故意留有问题：请根据阶段报告找出问题、改正，再完成本阶段。", "For county civil affairs bureaus training village and community staff. Practice records are kept in separate training data, apart from real records, and can be wiped in one step. Each case is drawn from the catalogue and stands at a stage with deliberate gaps: find them from the stage report, fix them, then complete the stage.";
    TrainingOnNote => "现在是培训练习模式：新建、修改的记录都是练习记录，可在“协商台账”中查看。", "Training mode is on: records made or changed now are practice records; the records ledger shows them.";
    TrainingOffNote => "现在是正式工作模式。进入培训练习后，所建记录均为练习记录。", "This is real work. In training, every record made is a practice record.";
    CasesHeading => "练习案例", "Worked cases";
    CaseMatter => "事项：{}", "Matter: {}";
    CaseStage => "所处阶段：{}", "Stands at: {}";
    CaseTask => "练习要求：", "Task: ";
    OpenCase => "开始练习", "Practise this case";
    OpenCaseNamed => "开始练习：{}", "Practise: {}";
    ChecklistsHeading => "空白核对表", "Blank checklists";
    ChecklistsIntro => "五个阶段的核对表，按公文格式排版，供线下培训时打印使用。", "The checklists of the five stages, laid out like the other documents, to print for sessions held on paper.";
    PrintChecklists => "打印空白核对表", "Print blank checklists";
    BackToTraining => "返回培训练习", "Back to training";
    WipeHeading => "清除培训数据", "Wipe training data";
    WipeIntro => "清除全部练习记录，以及培训数据中的群众意见、设置和事项清单；正式记录不受影响。", "Wipes every practice record, and the training data's opinions, settings and list; real records are not touched.";
    WipeTraining => "清除全部培训数据", "Wipe all training data";
    WipeQuestion => "确定清除全部培训数据吗？清除后无法恢复。正式记录不受影响。", "Wipe all training data? This cannot be undone. Real records are not touched.";
    ConfirmWipe => "确认清除", "Wipe";
    Wiped => "培训数据已清除。", "Training data wiped.";
    NoticeText => "通知原文", "Text of the notice";
    OverviewHeading => "汇总分析", "Overview across villages";
    OverviewIntro => "供县（市）、州民政局汇总各村（社区）、乡镇（街道）导出的文件：可一次选择多个协商记录文件和群众意见台账文件；同一记录或意见出现在多个文件中，只计一次。", "For county and prefecture bureaus: load the files villages, townships and counties export (record files and opinion ledgers, several at once); a record or opinion found in several files is counted once.";
    OverviewFiles => "选择导出文件（可多选）", "Choose exported files (several at once)";
    OverviewLoaded => "已载入的文件", "Files loaded";
    OverviewNothing => "尚未载入文件。", "No files loaded yet.";
    OverviewRead => "本次读取协商记录{}条、群众意见{}条；去掉重复后，汇总中共有协商记录{}条、群众意见{}条。", "Read: records {}, opinions {}. In the overview without repeats: records {}, opinions {}.";
    OverviewTraining => "{}：其中{}条是培训练习记录，未计入汇总。", "{}: {} practice (training) records were left out.";
    ImportTrainingRefused => "“{}”含{}条培训练习记录，不能导入正式记录。请在培训练习中导入。", "“{}” holds {} practice (training) records; they cannot go into real records. Import it in training.";
    OverviewMismatch => "{}：{}条记录的校验码与内容不符，已计入，请核对。", "{}: {} records do not match their digest; they are counted, check them.";
    OverviewMismatchOne => "{}：{}条记录的校验码与内容不符，已计入，请核对。", "{}: {} record does not match its digest; it is counted, check it.";
    OverviewLocalNote => "本页的统计只用于汇总，不会改动本机的协商记录；如需保存到本机，请在“协商台账”中导入。", "The overview never changes this browser's records; to keep records here, import them in the records ledger.";
    OverviewExportCsv => "导出汇总表（CSV）", "Export the overview (CSV)";
    OverviewClear => "清空汇总", "Clear the overview";
    OverviewFileName => "协商情况汇总", "overview";
    ColFile => "文件", "File";
    ColKind => "类型", "Kind";
    ColPlace => "地区", "Place";
    ColRecords => "记录数", "Records";
    ColOpinions => "意见数", "Opinions";
    ColRepeated => "重复（只计一次）", "Repeated (counted once)";
    KindRecords => "协商记录", "Records";
    KindOpinions => "群众意见台账", "Opinion ledger";
    ExportOpinions => "导出群众意见台账（JSON）", "Export the opinion ledger (JSON)";
    OpinionsFileName => "群众意见台账", "opinion-ledger";
    LanguageSwitch => "切换界面语言", "Switch language";
    TemplateSource => "昌州民字〔2021〕85号 附件", "Annex to notice Changzhou Minzi [2021] No. 85";
    DocumentInEnglish => "标签用英文", "Labels in English";
    CaseAttempt => "第{}次练习", "Attempt {}";
    CaseSolved => "✓ 已改正，本阶段已完成", "✓ Fixed: the stage is complete";
    CaseOpen => "问题尚未改正", "Not fixed yet";
    SettingsChangedElsewhere => "设置刚在另一个标签页中修改并保存了。本页的修改如果保存，将覆盖那边的设置。", "The settings were just changed and saved in another tab. Saving the changes on this page will overwrite them.";
    SettingsTakeOther => "载入另一处的设置（放弃本页修改）", "Load the other settings (discard the changes on this page)";
    CaseSituationChanged => "本阶段已完成，但案例中的情形被改动了，问题并未按通知要求改正：请照案例情形重新练习", "The stage is complete, but the situation of the case was changed: the gap was not mended as the notice asks. Try again with the situation as told";
    Checking => "正在核对……", "Checking…";
    ExportNoPlace => "提示：“设置”中尚未填写县（市）或乡镇（街道），导出的文件不写明完整地区，上级汇总时只能按村（社区）统计。", "Note: the county or township is not set in Settings, so exported files do not name their full place, and a bureau's overview can only count them by village.";
    NotFoundInTraining => "培训练习中没有这条协商记录。它可能是一条正式记录（退出培训练习后可见），也可能已被删除。", "There is no such record in training. It may be a real record (shown once training is left), or it may have been deleted.";
    NotFoundInReal => "正式记录中没有这条协商记录。它可能是一条培训练习记录（进入培训练习后可见），也可能已被删除。", "There is no such record among real records. It may be a practice record (shown in training), or it may have been deleted.";
}

/// A ledger status's word (协商中, 落实中, 已办结, 未能落实).
pub fn status_word(lang: Lang, s: crate::domain::ledger::Status) -> &'static str {
    use crate::domain::ledger::Status;
    match s {
        Status::Consulting => t(lang, Key::StatusConsulting),
        Status::Implementing => t(lang, Key::StatusImplementing),
        Status::Completed => t(lang, Key::StatusCompleted),
        Status::Unfulfilled => t(lang, Key::StatusUnfulfilled),
    }
}

/// The short tag shown beside a row with a flaw of this kind.
pub fn flaw_tag(lang: Lang, kind: FlawKind) -> &'static str {
    let (zh, en) = match kind {
        FlawKind::BlankSlot => ("空行", "blank row"),
        FlawKind::Duplicate => ("重复事项", "duplicate"),
        FlawKind::MissingNumber => ("缺少序号", "missing number"),
        FlawKind::Unnumbered => ("无序号", "unnumbered"),
        FlawKind::UnlabelledGroup => ("无类别名称", "no category"),
        FlawKind::StrayPunctuation => ("多余标点", "stray punctuation"),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The string for a key with its `{}` filled in order.
pub fn tf(lang: Lang, key: Key, args: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::new();
    let mut args = args.iter();
    let mut parts = t(lang, key).split("{}").peekable();
    while let Some(part) = parts.next() {
        out.push_str(part);
        if parts.peek().is_some() {
            if let Some(a) = args.next() {
                out.push_str(&a.to_string());
            }
        }
    }
    out
}

/// Like [`tf`] for a text about a count `n`, with its two keys: the one for exactly one and the
/// one for any other number (`[Key::GateErrorsOne, Key::GateErrors]`). Chinese says both alike;
/// English says “1 problem remains”, “2 problems remain”.
pub fn tn(lang: Lang, [one, other]: [Key; 2], n: u64, args: &[&dyn std::fmt::Display]) -> String {
    tf(lang, if n == 1 { one } else { other }, args)
}

/// The message of a validation problem: labels and rule texts in the language, found by the
/// ids the problem points at (the Chinese labels it carries are the fallback).
pub fn problem_message(lang: Lang, problem: &Problem) -> String {
    let (item_id, field_id) = match &problem.target {
        Target::Item { item } => (Some(item.as_str()), None),
        Target::Field { item, field } => (Some(item.as_str()), Some(field.as_str())),
        Target::Party { .. } => (None, None),
    };
    let item_in =
        |zh: &str| item_id.map_or_else(|| zh.to_owned(), |id| data(lang, Data::Item, id, zh).to_owned());
    let field_in =
        |zh: &str| field_id.map_or_else(|| zh.to_owned(), |id| data(lang, Data::Field, id, zh).to_owned());
    match (lang, &problem.kind) {
        (Lang::Zh, ProblemKind::ItemOpen { item }) => format!("尚未完成：{item}"),
        (Lang::En, ProblemKind::ItemOpen { item }) => format!("Not done yet: {}", item_in(item)),
        (Lang::Zh, ProblemKind::FieldMissing { item, field }) => {
            format!("未填写“{field}”（{item}）")
        }
        (Lang::En, ProblemKind::FieldMissing { item, field }) => {
            format!("“{}” is empty ({})", field_in(field), item_in(item))
        }
        (Lang::Zh, ProblemKind::PartyUnnamed { index }) => {
            format!("参与主体第{}位未填写姓名或名称", index + 1)
        }
        (Lang::En, ProblemKind::PartyUnnamed { index }) => format!("Party {} has no name", index + 1),
        (Lang::Zh, ProblemKind::NoReason { item }) => format!("“{item}”标为不适用，须写明理由"),
        (Lang::En, ProblemKind::NoReason { item }) => {
            format!("“{}” is marked not applicable: give the reason", item_in(item))
        }
        (Lang::Zh, ProblemKind::Rule { message, party: Some(party), .. }) => format!("{party}：{message}"),
        (Lang::Zh, ProblemKind::Rule { message, party: None, .. }) => message.clone(),
        (Lang::En, ProblemKind::Rule { rule, message, party, fill }) => {
            let mut text = match en().rules.get(rule) {
                Some(template) => template.clone(),
                None => message.clone(),
            };
            for (name, value) in fill {
                text = text.replace(&format!("{{{name}}}"), value);
            }
            match party {
                Some(party) => format!("{party}: {text}"),
                None => text,
            }
        }
    }
}

/// The English labels of the data (procedure and template catalogue), by id: `data/en.json`
/// (natively; the browser has them from the English file).
#[cfg(not(target_arch = "wasm32"))]
pub const EN_JSON: &str = include_str!("../data/en.json");

/// What serde's reader said of a value of the wrong form (`missing field `name``, `invalid
/// value: string "2026-02-30", expected a date as YYYY-MM-DD at line 1 column 9`, …), in the
/// user's language: in Chinese the reader's English is put into words (names and values as they
/// are in the file); what it does not recognise is left as it is.
pub fn reader_detail(lang: Lang, detail: &str) -> String {
    if lang != Lang::Zh {
        return detail.to_owned();
    }
    // serde_json adds where it stopped.
    let (text, place) = match detail.rfind(" at line ") {
        Some(i) => {
            let mut numbers = detail[i + 9..].split(" column ").map(|n| n.trim().parse::<u64>());
            match (numbers.next(), numbers.next()) {
                (Some(Ok(line)), Some(Ok(column))) => (&detail[..i], format!("（第{line}行第{column}列）")),
                _ => (detail, String::new()),
            }
        }
        None => (detail, String::new()),
    };
    let quoted = |s: &str| s.trim().trim_matches('`').to_owned();
    let words = if let Some(f) = text.strip_prefix("missing field ") {
        format!("缺少“{}”", quoted(f))
    } else if let Some(f) = text.strip_prefix("duplicate field ") {
        format!("“{}”出现了两次", quoted(f))
    } else if let Some(rest) = text.strip_prefix("unknown field ") {
        format!("多出“{}”", quoted(rest.split(',').next().unwrap_or(rest)))
    } else if let Some(rest) = text.strip_prefix("unknown variant ") {
        let (value, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let choices: Vec<String> = expected
            .trim_start_matches("one of ")
            .split([',', ' '])
            .map(quoted)
            .filter(|c| !c.is_empty() && c != "or")
            .collect();
        format!("“{}”不是可用的取值（可用：{}）", quoted(value), choices.join("、"))
    } else if let Some(rest) = text.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        format!("应为{}，实为{}", reader_kind(expected), reader_kind(found))
    } else if let Some(rest) = text.strip_prefix("invalid value: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        format!("{}无效，应为{}", reader_kind(found), reader_kind(expected))
    } else if let Some(rest) = text.strip_prefix("invalid length ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        format!("长度{}不对，应为{}", found.trim(), reader_kind(expected))
    } else if text == "missing or not a number" {
        "缺少或不是数字".to_owned()
    } else if text == "number out of range" {
        "数字超出本工作台能处理的范围".to_owned()
    } else if text.starts_with("lone leading surrogate") || text.starts_with("invalid unicode code point") {
        "文字中有无效的Unicode字符".to_owned()
    } else if text.starts_with("data did not match any variant") {
        "不符合任何一种可用的形式".to_owned()
    } else if text.is_ascii() {
        // Another reader's message: its English (and the program's names in it) would mean
        // nothing to the user.
        "内容不符合规定的形式".to_owned()
    } else {
        text.to_owned()
    };
    words + &place
}

/// A kind of value as serde names it (`a string`, `string "x"`, `u32`, `a date as YYYY-MM-DD`,
/// `struct Record`, …), in Chinese.
fn reader_kind(kind: &str) -> String {
    let kind = kind.trim();
    let value = |k: &str| kind.strip_prefix(k).map(|v| v.trim().trim_matches('`').to_owned());
    if let Some(v) = value("string ").filter(|v| v.starts_with('"')) {
        let v = v.strip_prefix('"').and_then(|v| v.strip_suffix('"')).unwrap_or(&v);
        // A long text is not repeated whole.
        let short: String = v.chars().take(40).collect();
        let more = if v.chars().count() > 40 { "……" } else { "" };
        return format!("文字“{short}{more}”");
    }
    if kind == "string or map" || kind == "a string or a map" {
        return "文字或对象".into();
    }
    if let Some(v) = value("integer ") {
        return format!("整数{v}");
    }
    if let Some(v) = value("floating point ") {
        return format!("小数{v}");
    }
    if let Some(v) = value("boolean ") {
        return format!("是非值{v}");
    }
    // The program's own type names mean nothing to the user.
    if kind.starts_with("struct ") {
        return "对象".into();
    }
    if kind.starts_with("enum ") || kind.ends_with("tagged enum") || kind.contains("tagged enum ") {
        return "可用的取值之一".into();
    }
    if kind.starts_with("variant ") || kind.ends_with(" identifier") {
        return "可用的名称".into();
    }
    if kind.starts_with("tuple") || kind.starts_with("a tuple") {
        return "列表".into();
    }
    if let Some(form) = kind.strip_prefix("a date and time as ") {
        return format!("日期时间（{form}）");
    }
    if let Some(form) = kind.strip_prefix("a date as ") {
        return format!("日期（{form}）");
    }
    match kind {
        "a string" | "string" => "文字".into(),
        "a boolean" | "bool" => "是非值（true 或 false）".into(),
        "a sequence" | "sequence" => "列表".into(),
        "a map" | "map" => "对象".into(),
        "null" | "unit" => "空值（null）".into(),
        "u8" | "u16" | "u32" | "u64" | "usize" => "非负整数".into(),
        "i8" | "i16" | "i32" | "i64" | "isize" => "整数".into(),
        "f32" | "f64" => "数字".into(),
        "a character" | "char" => "一个字符".into(),
        "an RFC 3339 timestamp" | "an RFC 3339 date and time" => "时间（如 2026-11-27T08:00:00Z）".into(),
        "" => "其他形式".into(),
        // Another kind's English (a type's name) means nothing to the user.
        other if other.is_ascii() => "规定的形式".into(),
        other => other.to_owned(),
    }
}

/// The data's English labels.
#[derive(Debug, Default, Deserialize)]
pub struct DataEn {
    stages: BTreeMap<String, String>,
    items: BTreeMap<String, String>,
    fields: BTreeMap<String, String>,
    lists: BTreeMap<String, BTreeMap<String, String>>,
    option_groups: BTreeMap<String, String>,
    rules: BTreeMap<String, String>,
    clauses: BTreeMap<String, String>,
    /// The template catalogue's title.
    pub catalogue_title: String,
    groups: BTreeMap<String, String>,
    matters: BTreeMap<String, String>,
    flaws: BTreeMap<String, String>,
}

/// The data's English labels: natively parsed on first use; in the browser those of the
/// English file once installed (none before: Chinese is shown).
pub fn en() -> &'static DataEn {
    #[cfg(not(target_arch = "wasm32"))]
    {
        static EN: std::sync::OnceLock<DataEn> = std::sync::OnceLock::new();
        EN.get_or_init(|| serde_json::from_str(EN_JSON).unwrap_or_default())
    }
    #[cfg(target_arch = "wasm32")]
    {
        static NONE: std::sync::OnceLock<DataEn> = std::sync::OnceLock::new();
        ENGLISH.get().map(|e| &e.data).unwrap_or_else(|| NONE.get_or_init(DataEn::default))
    }
}

/// Kinds of data labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Data {
    /// A stage's title.
    Stage,
    /// A checklist item's label.
    Item,
    /// A field's label.
    Field,
    /// A clause's title.
    Clause,
    /// A category of the template catalogue.
    Group,
    /// A matter of the template catalogue (a county's own wording has no translation: it stays).
    Matter,
    /// A flaw of the template.
    Flaw,
}

impl DataEn {
    fn section(&self, kind: Data) -> &BTreeMap<String, String> {
        match kind {
            Data::Stage => &self.stages,
            Data::Item => &self.items,
            Data::Field => &self.fields,
            Data::Clause => &self.clauses,
            Data::Group => &self.groups,
            Data::Matter => &self.matters,
            Data::Flaw => &self.flaws,
        }
    }

    /// Every id of a section (for the test that the table is complete).
    pub fn ids(&self, kind: Data) -> impl Iterator<Item = &str> {
        self.section(kind).keys().map(String::as_str)
    }

    /// Every option id of a list.
    pub fn option_ids(&self, list: &str) -> impl Iterator<Item = &str> {
        self.lists.get(list).into_iter().flat_map(|l| l.keys().map(String::as_str))
    }

    /// Every option group heading (Chinese) translated.
    pub fn option_group_ids(&self) -> impl Iterator<Item = &str> {
        self.option_groups.keys().map(String::as_str)
    }

    /// Every rule id.
    pub fn rule_ids(&self) -> impl Iterator<Item = &str> {
        self.rules.keys().map(String::as_str)
    }
}

/// A data label in a language: `zh` (the data's own text) in Chinese, the English by id
/// otherwise, or `zh` where there is none.
pub fn data<'a>(lang: Lang, kind: Data, id: &str, zh: &'a str) -> &'a str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en().section(kind).get(id).map_or(zh, String::as_str),
    }
}

/// A matter's name in a language, found by its Chinese wording among the template's matters
/// (for rows that carry no id, such as the ledger's).
pub fn matter_by_name<'a>(lang: Lang, zh: &'a str) -> &'a str {
    if lang == Lang::Zh {
        return zh;
    }
    let found = crate::domain::Catalogue::template_ref().all_matters().find(|(_, m)| m.name == zh);
    match found {
        Some((_, m)) => data(lang, Data::Matter, &m.id, zh),
        None => zh,
    }
}

/// The catalogue's title in a language (the template's has an English title; a county's own
/// stays as written).
pub fn catalogue_title<'a>(lang: Lang, zh: &'a str) -> &'a str {
    if lang == Lang::En && zh == crate::domain::Catalogue::template_ref().title {
        &en().catalogue_title
    } else {
        zh
    }
}

/// A matter's name in a language: the template's matters have an English name, but only while
/// the wording is the template's (a county's own wording stays as written).
pub fn matter_name<'a>(lang: Lang, id: Option<&str>, zh: &'a str) -> &'a str {
    if lang == Lang::Zh {
        return zh;
    }
    let template = crate::domain::Catalogue::template_name(id.unwrap_or_default());
    match template {
        Some(name) if name == zh => data(lang, Data::Matter, id.unwrap_or_default(), zh),
        _ => zh,
    }
}

/// The heading of a group of options (keyed by its Chinese text) in a language.
pub fn option_group<'a>(lang: Lang, zh: &'a str) -> &'a str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en().option_groups.get(zh).map_or(zh, String::as_str),
    }
}

/// A matter's category label in a language: the template's categories have English labels
/// (found through the matter's id, while the label is the template's).
pub fn category_name<'a>(lang: Lang, matter: Option<&str>, zh: &'a str) -> &'a str {
    if lang == Lang::Zh {
        return zh;
    }
    if zh == crate::domain::catalogue::OTHER_MATTER {
        return t(lang, Key::OtherCategory);
    }
    let template = crate::domain::Catalogue::template_ref();
    let group = template.groups.iter().find(|g| {
        g.label.as_deref() == Some(zh)
            && (matter.is_none()
                || g.entries
                    .iter()
                    .any(|e| matches!(e, crate::domain::Entry::Matter(m) if Some(m.id.as_str()) == matter)))
    });
    match group {
        Some(g) => data(lang, Data::Group, &g.id, zh),
        None => zh,
    }
}

/// How a clause of the notice is cited in a language: `二（四）1` as it stands in Chinese;
/// in English its numbers in digits, `2(4)1`, and a clause without numbers by its title.
pub fn clause_id(lang: Lang, id: &str) -> String {
    if lang == Lang::Zh {
        return id.to_owned();
    }
    const NUMERALS: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    if !id.chars().any(|c| NUMERALS.contains(&c)) {
        return data(lang, Data::Clause, id, id).to_owned();
    }
    id.chars()
        .map(|c| match c {
            '（' => "(".to_owned(),
            '）' => ")".to_owned(),
            c => match NUMERALS.iter().position(|n| *n == c) {
                Some(i) => (i + 1).to_string(),
                None => c.to_string(),
            },
        })
        .collect()
}

/// An option of a list in a language.
pub fn option<'a>(lang: Lang, list: &str, id: &str, zh: &'a str) -> &'a str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en().lists.get(list).and_then(|l| l.get(id)).map_or(zh, String::as_str),
    }
}
