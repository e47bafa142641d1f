package org.convplay.exercise.ui;

import org.convplay.exercise.service.ExerciseService;
import org.convplay.exercise.service.StudentWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Makes the task bar for a page, with the services it needs, so that a page only names its own state. */
@Component
public class TaskBars {

    private final ExerciseService exercises;
    private final ObjectProvider<StudentWork> work;

    TaskBars(ExerciseService exercises, ObjectProvider<StudentWork> work) {
        this.exercises = exercises;
        this.work = work;
    }

    public TaskBar forPage(TaskBar.Page page) {
        return new TaskBar(exercises, work.getIfAvailable(), page);
    }
}
