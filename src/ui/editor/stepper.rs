//! The stepper: the five stages, each with its status and open problems, the one shown marked.

use crate::domain::procedure::Stage;
use crate::domain::record::{Record, StageStatus};
use crate::domain::validate::Report;
use crate::i18n::{data, t, tn, Data, Key, Lang};
use crate::ui::route::Route;
use yew::prelude::*;

/// A stage's number (1 to 5; 0 for none).
pub fn stage_number(stages: &[Stage], id: &str) -> usize {
    stages.iter().position(|s| s.id == id).map_or(0, |i| i + 1)
}

/// The stepper of `r`'s stages, `current` the one shown.
pub fn stepper(lang: Lang, stages: &[Stage], r: &Record, report: &Report, current: &str) -> Html {
    html! {
        <nav class="stepper" aria-label={t(lang, Key::StepperLabel)}>
            <ol>
                { for stages.iter().enumerate().map(|(i, s)| {
                    let status = r.stage_status(&s.id);
                    let (class, word) = match status {
                        StageStatus::Completed { .. } => ("completed", t(lang, Key::StageCompleted)),
                        StageStatus::Recheck => ("recheck", t(lang, Key::StageRecheck)),
                        StageStatus::Open => ("open", t(lang, Key::StageOpen)),
                    };
                    let errors = report.errors_of(&s.id).count();
                    let here = s.id == current;
                    let href = Route::Record { id: r.id.clone(), stage: Some(s.id.clone()) }.href();
                    html! {
                        <li class={classes!(class, here.then_some("here"))}>
                            <a href={href} aria-current={here.then_some("step")}>
                                <span class="step-no">{ i + 1 }</span>
                                <span class="step-title">{ data(lang, Data::Stage, &s.id, &s.title) }</span>
                                <span class="step-state">{ word }
                                    if errors > 0 && !matches!(status, StageStatus::Completed { .. }) {
                                        { format!(" · {}", tn(lang, [Key::StepProblemsOne, Key::StepProblems], errors as u64, &[&errors])) }
                                    }
                                </span>
                            </a>
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}
