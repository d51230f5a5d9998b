package org.crmsuite.visit.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.crmsuite.platform.web.DomainException;
import org.crmsuite.visit.records.ScoreScale.Dimension;
import org.junit.jupiter.api.Test;

/** VI-4: the exact score of every label on every scale, and the report's overall score. */
class ScoreScaleTest {

    @Test
    void productScalesScore100To50FromBestToWorst_VI4() {
        for (Dimension dimension : List.of(Dimension.PRODUCT_QUALITY, Dimension.PRODUCT_REPUTATION)) {
            assertThat(ScoreScale.levels(dimension)).extracting(ScoreScale.Level::label, ScoreScale.Level::score)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("EXCELLENT", 100),
                            org.assertj.core.groups.Tuple.tuple("VERY_GOOD", 90),
                            org.assertj.core.groups.Tuple.tuple("GOOD", 85),
                            org.assertj.core.groups.Tuple.tuple("FAIR", 80),
                            org.assertj.core.groups.Tuple.tuple("AVERAGE", 70),
                            org.assertj.core.groups.Tuple.tuple("BELOW_AVERAGE", 60),
                            org.assertj.core.groups.Tuple.tuple("POOR", 50));
        }
    }

    @Test
    void serviceAttitudePoorIs30AndTerribleIs0_VI4() {
        assertThat(ScoreScale.levels(Dimension.SERVICE_ATTITUDE)).extracting(ScoreScale.Level::score)
                .containsExactly(100, 90, 85, 80, 70, 60, 30, 0);
        assertThat(ScoreScale.level(Dimension.SERVICE_ATTITUDE, "poor").orElseThrow().score()).isEqualTo(30);
        assertThat(ScoreScale.level(Dimension.SERVICE_ATTITUDE, "Terrible").orElseThrow().score()).isZero();
        assertThat(ScoreScale.level(Dimension.PRODUCT_QUALITY, "TERRIBLE")).isEmpty();
        assertThat(ScoreScale.level(Dimension.PRODUCT_QUALITY, "very good").orElseThrow().score()).isEqualTo(90);
    }

    @Test
    void reportAggregatesTheThreeScores_VI4() {
        VisitRecord.Report report = Records.score(new Records.Labels("GOOD", "POOR", "EXCELLENT"));
        assertThat(report.productQuality()).isEqualTo(85);
        assertThat(report.serviceAttitude()).isEqualTo(30);
        assertThat(report.productReputation()).isEqualTo(100);
        assertThat(report.overall()).isEqualTo(71.7);
    }

    @Test
    void unknownLabelsAreRefusedListingTheAllowedOnes_VI4() {
        assertThatThrownBy(() -> Records.score(new Records.Labels("SUPERB", "TERRIBLE", "GOOD")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("report.unknown-label");
                    assertThat(e.properties().get("allowed").toString()).contains("productQuality")
                            .contains("EXCELLENT").doesNotContain("serviceAttitude");
                });
    }
}
