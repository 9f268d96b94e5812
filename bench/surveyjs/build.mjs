// Builds the peer page the first-task benchmark (bench/first-task.mjs) measures beside the app:
// the same five-stage checklist and the same 55-matter picker, in SurveyJS (survey-core and
// survey-js-ui from npm, pinned in package.json; their minified builds and theme copied as they
// ship, nothing rewritten). Writes bench/surveyjs/dist/ (not committed):
//   node bench/surveyjs/build.mjs
// The model is made from the app's own data (data/catalogue.json, data/procedure.json): page 1
// picks the matter (a radio group of the template's matters, by category), then one page per
// stage, one panel per item (its clause quoted, a 本项已完成 check, its fields as questions of
// the matching kind: text, comment, date, datetime-local, dropdown, checkbox, boolean, and a
// matrix for the parties and the progress reports), required as the procedure says. Chinese
// interface strings from SurveyJS's own simplified-chinese locale.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const out = path.join(root, 'bench/surveyjs/dist');
const modules = path.join(root, 'node_modules');
const catalogue = JSON.parse(fs.readFileSync(path.join(root, 'data/catalogue.json'), 'utf8'));
const procedure = JSON.parse(fs.readFileSync(path.join(root, 'data/procedure.json'), 'utf8'));

const choices = (list) => procedure.lists[list].map((o) => ({ value: o.id, text: o.label }));
function question(field) {
  const base = { name: field.id, title: field.label, isRequired: field.requirement === 'required' };
  const kind = field.kind;
  switch (kind.type) {
    case 'text': return { ...base, type: 'text' };
    case 'longtext': return { ...base, type: 'comment', rows: 3 };
    case 'date': return { ...base, type: 'text', inputType: 'date' };
    case 'datetime': return { ...base, type: 'text', inputType: 'datetime-local' };
    case 'choice': return { ...base, type: 'dropdown', choices: choices(kind.list) };
    case 'multichoice': return { ...base, type: 'checkbox', choices: choices(kind.list) };
    case 'yesno': return { ...base, type: 'boolean', labelTrue: '是', labelFalse: '否' };
    case 'parties': return {
      ...base, type: 'matrixdynamic', rowCount: 0, addRowText: '添加参与主体',
      columns: [
        { name: 'name', title: '姓名或名称', cellType: 'text', isRequired: true },
        { name: 'role', title: '身份', cellType: 'dropdown', choices: choices('roles') },
        { name: 'org', title: '单位或住址', cellType: 'text' },
        ...(kind.attendance ? [{ name: 'present', title: '出席', cellType: 'boolean' }] : []),
      ],
    };
    case 'progress': return {
      ...base, type: 'matrixdynamic', rowCount: 0, addRowText: '添加进展报告',
      columns: [
        { name: 'date', title: '进展汇报日期', cellType: 'text', inputType: 'date', isRequired: true },
        { name: 'reporter', title: '汇报单位', cellType: 'dropdown', choices: choices('reporters') },
        { name: 'status', title: '落实进度', cellType: 'dropdown', choices: choices('implementation_status') },
        { name: 'note', title: '进展说明', cellType: 'comment', isRequired: true },
      ],
    };
    default: throw new Error(`no SurveyJS question for the field kind ${kind.type}`);
  }
}

const matters = catalogue.groups.flatMap((g) => g.entries.filter((e) => e.kind === 'matter').map((e) => ({
  value: e.id, text: `${e.number}. ${e.name}（${g.label}）`,
})));
const model = {
  title: '城乡社区协商',
  locale: 'zh-cn',
  showQuestionNumbers: 'off',
  checkErrorsMode: 'onValueChanged',
  pages: [
    { name: 'catalogue', title: '协商事项目录', elements: [
      { type: 'radiogroup', name: 'matter', title: '选择协商事项', isRequired: true, choices: matters },
    ] },
    ...procedure.stages.map((stage, n) => ({
      name: stage.id,
      title: `第${n + 1}阶段 ${stage.title}`,
      elements: stage.items.map((item) => ({
        type: 'panel',
        name: item.id,
        title: item.label,
        description: item.quote ? `“${item.quote}”（${item.clause}）` : undefined,
        elements: [
          { type: 'boolean', name: `${item.id}.done`, title: '本项已完成', isRequired: item.requirement === 'required' },
          ...(item.fields ?? []).map(question),
        ],
      })),
    })),
  ],
};
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
const copies = [
  ['survey-core/survey.core.min.js', 'survey.core.min.js'],
  ['survey-core/i18n/simplified-chinese.min.js', 'simplified-chinese.min.js'],
  ['survey-js-ui/survey-js-ui.min.js', 'survey-js-ui.min.js'],
  ['survey-core/survey-core.min.css', 'survey-core.min.css'],
];
for (const [from, to] of copies) fs.copyFileSync(path.join(modules, from), path.join(out, to));
fs.writeFileSync(path.join(out, 'model.js'), `globalThis.XS_MODEL = ${JSON.stringify(model)};\n`);
fs.writeFileSync(path.join(out, 'start.js'), `const survey = new Survey.Model(globalThis.XS_MODEL);
survey.render(document.getElementById('survey'));
`);
fs.writeFileSync(path.join(out, 'index.html'), `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>城乡社区协商（SurveyJS）</title>
  <link rel="stylesheet" href="survey-core.min.css">
  <script defer src="survey.core.min.js"></script>
  <script defer src="simplified-chinese.min.js"></script>
  <script defer src="survey-js-ui.min.js"></script>
  <script defer src="model.js"></script>
  <script defer src="start.js"></script>
</head>
<body>
  <div id="survey"></div>
</body>
</html>
`);
let raw = 0, gz = 0;
for (const f of fs.readdirSync(out)) {
  const body = fs.readFileSync(path.join(out, f));
  raw += body.length;
  gz += zlib.gzipSync(body, { level: 9 }).length;
}
console.log(`bench/surveyjs: ${matters.length} matters, ${procedure.stages.length} stages, ${model.pages.slice(1).reduce((n, p) => n + p.elements.length, 0)} items; ${(raw / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(1)} KB gzip`);
