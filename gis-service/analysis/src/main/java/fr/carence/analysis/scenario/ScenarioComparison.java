package fr.carence.analysis.scenario;

import java.util.List;

/**
 * Two scenarios side by side: communes entering carence (in {@code autre} but not in
 * {@code reference}), leaving it, and the demand figures of each.
 */
public record ScenarioComparison(String reference, String autre, List<CommuneRef> entrantes, List<CommuneRef> sortantes,
                                 int communesCarenceReference, int communesCarenceAutre, double demandeCarenceReference,
                                 double demandeCarenceAutre, double demandeCouverteReference,
                                 double demandeCouverteAutre) {

    public record CommuneRef(String code, String nom, double demande) {
    }
}
