package org.crmsuite.console.api;

/** A service refused a call: the page shows its problem (next to the named fields, for a form). */
public class ApiFailure extends RuntimeException {

    private final ApiProblem problem;

    public ApiFailure(ApiProblem problem) {
        super(problem.status() + " " + problem.code() + ": " + problem.summary());
        this.problem = problem;
    }

    public ApiProblem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }
}
