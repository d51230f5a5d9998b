package org.crmsuite.visit.surveys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * VI-5: a questionnaire template for the yearly satisfaction survey. Each question belongs to an area (product
 * quality, delivery, service, price, …) so the improvement report can name the weakest areas. A survey keeps a copy
 * of the questions it was sent with; changing or retiring a template never changes a sent survey.
 */
@Document("survey_templates")
public class Questionnaire {

    @Id
    private String id;
    @Version
    private Long version;
    private String name;
    private List<Question> questions = new ArrayList<>();
    private boolean active = true;
    private String createdBy;
    private Instant createdAt;
    private Instant updatedAt;

    /** One question: its id within the questionnaire, the area it rates, and the text the customer reads. */
    public record Question(String id, String area, String text) {
    }

    public Questionnaire() {
    }

    public Questionnaire(String name, List<Question> questions, String createdBy, Instant now) {
        this.name = name;
        this.questions = new ArrayList<>(questions);
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Long getVersion() {
        return version;
    }

    public String getName() {
        return name;
    }

    public List<Question> getQuestions() {
        return questions;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }
}
