// `careerforge show ID --format md` for the kinds that had no Markdown view: skills reports,
// interviews (with a mock transcript when there is one) and quizzes (with an answer key).
import { orderedGaps } from '../core/skills/generate.js';
import type { SavedInterview } from '../core/interview/schema.js';
import type { SavedQuiz } from '../core/quiz/schema.js';
import type { SkillsReport } from '../core/skills/schema.js';
import { interviewTitle } from './interview-text.js';
import { LETTERS } from './quiz-text.js';
import { plural } from '../core/plural.js';

export function skillsMarkdown(report: SkillsReport, roadmapId?: string): string {
  const out = [`# ${report.target_role}: readiness ${report.readiness_score}/100`, '', report.readiness_rationale, ''];
  if (report.strengths.length) out.push('## Strengths', '', ...report.strengths.map((s) => `- **${s.skill}**: ${s.evidence}`), '');
  if (report.gaps.length) {
    out.push('## Gaps, in learning order', '', '| # | skill | importance | from → to | hours | first step |', '|---|---|---|---|---|---|');
    orderedGaps(report).forEach((g, i) => out.push(`| ${i + 1} | ${cell(g.skill)} | ${g.importance} | ${g.current_level} → ${g.target_level} | ${g.estimated_hours} | ${cell(g.first_step)} |`));
    out.push('');
  }
  if (report.transferable_skills.length) out.push('## Transferable skills', '', ...report.transferable_skills.map((t) => `- **${t.skill}**: ${t.relevance}`), '');
  if (roadmapId) out.push(`Roadmap to close the gaps: \`careerforge show ${roadmapId}\``, '');
  return out.join('\n');
}

export function interviewMarkdown(saved: SavedInterview): string {
  const { interview, mock } = saved;
  const out = [`# ${interviewTitle(interview)}`, ''];
  interview.questions.forEach((q, i) => {
    out.push(`## ${i + 1}. ${q.question}`, '', `*${q.type}, ${q.difficulty}*`, '', '**What interviewers look for**', '');
    out.push(...q.what_interviewers_look_for.map((p) => `- ${p}`), '', `**Model answer:** ${q.model_answer}`, '');
    out.push(`**Follow-ups:** ${q.follow_ups.join(' · ')}`, '', `**Common mistakes:** ${q.common_mistakes.join(' · ')}`, '');
  });
  if (interview.tips.length) out.push('## Tips', '', ...interview.tips.map((t) => `- ${t}`), '');
  if (mock) {
    out.push(`## Mock interview (${mock.status.replace('_', ' ')})`, '');
    for (const turn of mock.turns) {
      out.push(`**${turn.kind === 'main' ? 'Q' : 'Follow-up'}:** ${turn.prompt}`, '', ...turn.answer.split('\n').map((l) => `> ${l}`), '');
      if (turn.grade) out.push(`Score: ${turn.grade.score}/10`, '');
    }
  }
  return out.join('\n');
}

export function quizMarkdown(saved: SavedQuiz): string {
  const { quiz } = saved;
  const out = [`# Quiz: ${quiz.topic} (${quiz.difficulty}, ${plural(quiz.questions.length, 'question')})`, ''];
  quiz.questions.forEach((q, i) => {
    out.push(`${i + 1}. ${q.question}`, '', ...q.options.map((o, j) => `   ${LETTERS[j] ?? j + 1}) ${o}`), '');
  });
  out.push('## Answer key', '');
  quiz.questions.forEach((q, i) => out.push(`${i + 1}. **${LETTERS[q.correct_index] ?? q.correct_index + 1}**: ${q.options[q.correct_index]}. ${q.explanation}`));
  return `${out.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
