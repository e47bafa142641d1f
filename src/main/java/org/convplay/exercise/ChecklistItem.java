package org.convplay.exercise;

/**
 * One line of a practical's checklist: what the grader will check, in both languages. {@code check}
 * is the field of the grader's {@link Check} it stands for, so the task bar can mark the line.
 */
public record ChecklistItem(String check, Text text) {
}
