package fr.carence.analysis.scenario;

import java.util.List;

/**
 * Two scenarios side by side: communes entering carence (in {@code autre} but not in
 * {@code reference}), leaving it, and the demand figures of each. The covered demand comes from
 * the candidate sites: null for a caller who may not read them ({@link #withoutSiteFigures}).
 */
public record ScenarioComparison(String reference, String autre, List<CommuneRef> entrantes, List<CommuneRef> sortantes,
                                 int communesCarenceReference, int communesCarenceAutre, double demandeCarenceReference,
                                 double demandeCarenceAutre, Double demandeCouverteReference,
                                 Double demandeCouverteAutre) {

    public ScenarioComparison withoutSiteFigures() {
        return new ScenarioComparison(reference, autre, entrantes, sortantes, communesCarenceReference,
                communesCarenceAutre, demandeCarenceReference, demandeCarenceAutre, null, null);
    }

    public record CommuneRef(String code, String nom, double demande) {
    }
}
