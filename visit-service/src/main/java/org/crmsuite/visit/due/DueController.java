package org.crmsuite.visit.due;

import org.crmsuite.platform.identity.Caller;
import org.crmsuite.visit.access.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * VI-7 {@code /api/v1/visit-plans/due}: overdue and due-soon visits per account manager and per department. SALES and
 * AGENT see their own; a MANAGER their department (optionally one account manager of it); DIRECTOR, GM, ADMIN any.
 */
@RestController
class DueController {

    private final DueBoard board;

    DueController(DueBoard board) {
        this.board = board;
    }

    @GetMapping("/api/v1/visit-plans/due")
    DueBoard.Board due(@RequestParam(required = false) String departmentId, @RequestParam(required = false) String ownerId,
            Caller caller) {
        Access.Scope scope = Access.Scope.of(caller, departmentId, ownerId);
        return board.board(scope.departmentId(), scope.ownerId());
    }

    @GetMapping("/api/v1/visit-plans/due/summary")
    DueBoard.Summary summary(@RequestParam(required = false) String departmentId,
            @RequestParam(required = false) String ownerId, Caller caller) {
        Access.Scope scope = Access.Scope.of(caller, departmentId, ownerId);
        return board.summary(scope.departmentId(), scope.ownerId());
    }
}
