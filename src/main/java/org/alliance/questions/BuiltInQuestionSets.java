package org.alliance.questions;

import java.util.List;

import static org.alliance.questions.Question.scale;
import static org.alliance.questions.Question.text;

/** The purposes Alliance ships with; each workspace gets its own copy on first use. */
final class BuiltInQuestionSets {

    private BuiltInQuestionSets() {
    }

    static final List<QuestionSet> ALL = List.of(
            new QuestionSet("development", "Developing people",
                    "Understand where you want to grow, so we can plan support that fits you.",
                    List.of(text("aspirations", "What are your career aspirations?"),
                            text("skills", "What skills would you like to develop?"),
                            scale("growth", "How much is your current work helping you grow? (1 = not at all, 5 = a lot)"),
                            text("help", "What can I do to help you succeed, learn and develop?"))),
            new QuestionSet("trust", "Building trust",
                    "Learn what matters to you and how you like to work with me.",
                    List.of(text("important", "What is important for you in your work?"),
                            text("managed", "How do you like to be managed?"),
                            text("feedback", "How do you like to receive feedback?"),
                            scale("openness", "How comfortable do you feel raising a concern with me? (1 = not at all, 5 = completely)"))),
            new QuestionSet("collaboration", "Enhancing collaboration",
                    "Find out what each of us needs and how we like to work, so we work better together.",
                    List.of(text("how", "How do you like to work with others on the team?"),
                            text("needs", "What do you need from the team to do your best work?"),
                            scale("working", "How well is the team working together right now? (1 = poorly, 5 = very well)"),
                            text("change", "What one change would help us collaborate better?"))),
            new QuestionSet("change", "Navigating change",
                    "Hear your concerns about the change, so I can support you through it.",
                    List.of(text("concern", "What's your greatest concern around the proposed change?"),
                            scale("confidence", "How confident do you feel about the change? (1 = not at all, 5 = very)"),
                            text("help", "What can I do to help you work through this change as smoothly as possible?"))),
            new QuestionSet("performance", "Performance and development",
                    "Shape how I manage and support you, ahead of our performance and development conversation.",
                    List.of(text("managed", "How do you like to be managed?"),
                            text("feedback", "How do you like to receive feedback?"),
                            text("proud", "What are you most proud of since we last talked?"),
                            text("skills", "What skills would you like to develop next?"),
                            text("help", "What can I do to help you succeed?"))),
            new QuestionSet("kickoff", "Project kick-off",
                    "Align on goals and expectations before the project starts.",
                    List.of(text("success", "What does success look like to you?"),
                            text("priorities", "What are your key priorities for this project?"),
                            text("risks", "What worries you about this project?"),
                            text("needs", "What do you need from me to succeed on this project?"))));

    /**
     * The later steps of the purposes that run as a playbook. They are not purposes of their own, so they
     * are not copied into a workspace nor offered in the start form: a playbook step asks for them by key.
     */
    static final List<QuestionSet> PLAYBOOK_STEPS = List.of(
            new QuestionSet("change-pulse", "Navigating change: pulse",
                    "Two weeks into the change: how it is going for you, so I can help where it is hard.",
                    List.of(scale("confidence", "How confident do you feel about the change now? (1 = not at all, 5 = very)"),
                            text("going", "What has gone better or worse than you expected so far?"),
                            text("help", "What would help you most over the next few weeks?"))),
            new QuestionSet("change-lookback", "Navigating change: look back",
                    "Six weeks on: what the change has meant for you, and what we should learn from it.",
                    List.of(scale("settled", "How settled do you feel after the change? (1 = not at all, 5 = completely)"),
                            text("worked", "What helped you most through the change?"),
                            text("differently", "What should I do differently the next time things change?"))),
            new QuestionSet("kickoff-midpoint", "Project kick-off: mid-point",
                    "Halfway through the project: where we are against what we set out to do.",
                    List.of(scale("track", "How on track does the project feel to you? (1 = far off, 5 = right on track)"),
                            text("blocking", "What is slowing you down or getting in your way?"),
                            text("change", "What should we change for the second half?"),
                            text("needs", "What do you need from me now?"))),
            new QuestionSet("kickoff-wrapup", "Project kick-off: wrap-up",
                    "The project is wrapping up: what we achieved and what to take into the next one.",
                    List.of(scale("success", "How successful was the project, as you saw success at the start? (1 = not at all, 5 = fully)"),
                            text("proud", "What are you most proud of in this project?"),
                            text("learn", "What should we do differently on the next project?"),
                            text("support", "How well did I support you, and what would have helped more?"))));
}
