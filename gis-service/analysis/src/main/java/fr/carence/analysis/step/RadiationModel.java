package fr.carence.analysis.step;

import fr.carence.analysis.model.Commune;
import fr.carence.analysis.model.Flow;
import fr.carence.analysis.model.Place;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Step 2 — commuting flows estimated by the parameter-free radiation model (Simini, González,
 * Maritan & Barabási, Nature 484, 2012):
 * <pre>T_ij = T_i · m_i n_j / ((m_i + s_ij)(m_i + n_j + s_ij)) / (1 − m_i / M)</pre>
 * with m_i, n_j the populations of origin and destination, s_ij the population living strictly
 * closer to i than j (i and j excluded), T_i the out-commuters of i and M the total population
 * (finite-size normalisation). Destinations are searched within a maximum radius through a
 * uniform grid and sorted by distance once per origin, so the cost is O(n · k log k) with k the
 * communes within the radius, not O(n³). Flows below a minimum are dropped.
 */
public final class RadiationModel {

    /**
     * @param employedShare employed residents per inhabitant
     * @param outCommuterShare share of the employed who work outside their commune
     * @param maxKm search radius
     * @param minFlow flows below are dropped
     */
    public record Settings(double employedShare, double outCommuterShare, double maxKm, double minFlow) {
    }

    /** Grid cells per search radius: finer cells scan less area outside the search circle. */
    private static final int CELLS_PER_RADIUS = 4;

    private RadiationModel() {
    }

    /** Modelled flows for the given origins (indices), towards any commune of the list. */
    public static List<Flow> estimate(List<Commune> communes, int[] origins, Settings s) {
        double radius = s.maxKm() * 1000.0;
        Grid grid = new Grid(communes, radius / CELLS_PER_RADIUS);
        double total = 0;
        for (Commune c : communes) {
            total += c.population();
        }
        double totalPopulation = total;
        List<List<Flow>> perOrigin = IntStream.range(0, origins.length).parallel()
                .mapToObj(k -> fromOrigin(communes, grid, origins[k], radius, totalPopulation, s))
                .toList();
        List<Flow> flows = new ArrayList<>();
        perOrigin.forEach(flows::addAll);
        return flows;
    }

    private static List<Flow> fromOrigin(List<Commune> communes, Grid grid, int i, double radius, double totalPopulation,
                                         Settings s) {
        Commune origin = communes.get(i);
        double m = origin.population();
        double outCommuters = m * s.employedShare() * s.outCommuterShare();
        if (outCommuters <= 0 || totalPopulation <= m) {
            return List.of();
        }
        int[] near = grid.within(origin, radius, i);
        // sort by distance without boxing: float distance bits (monotone for non-negative
        // floats) in the high word, neighbour position in the low word
        long[] keys = new long[near.length];
        for (int k = 0; k < near.length; k++) {
            float d = (float) origin.place().distanceTo(communes.get(near[k]).place());
            keys[k] = ((long) Float.floatToIntBits(d) << 32) | k;
        }
        Arrays.sort(keys);
        double norm = outCommuters / (1 - m / totalPopulation);
        List<Flow> flows = new ArrayList<>();
        double closer = 0;        // population strictly closer than the current distance
        double sameDistance = 0;  // population at the current distance, added once it is passed
        int current = -1;
        for (long key : keys) {
            int distBits = (int) (key >>> 32);
            int k = (int) key;
            if (distBits != current) {
                closer += sameDistance;
                sameDistance = 0;
                current = distBits;
            }
            double n = communes.get(near[k]).population();
            double t = norm * m * n / ((m + closer) * (m + n + closer));
            if (t >= s.minFlow() && t > 0) {
                flows.add(new Flow(i, near[k], t, Double.NaN, true));
            }
            sameDistance += n;
        }
        return flows;
    }

    /** Uniform grid of commune points per legal CRS, for radius queries. */
    private static final class Grid {
        private final List<Commune> communes;
        private final double cell;
        private final Map<Long, int[]> cells = new HashMap<>();

        Grid(List<Commune> communes, double cell) {
            this.communes = communes;
            this.cell = cell;
            Map<Long, List<Integer>> build = new HashMap<>();
            for (int i = 0; i < communes.size(); i++) {
                build.computeIfAbsent(key(communes.get(i), 0, 0), k -> new ArrayList<>()).add(i);
            }
            build.forEach((k, v) -> cells.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        }

        private long key(Commune c, int dx, int dy) {
            long cx = (long) Math.floor(c.place().x() / cell) + dx;
            long cy = (long) Math.floor(c.place().y() / cell) + dy;
            // epsg in the top bits: territories never share a cell
            return ((long) c.place().epsg() << 40) ^ ((cx & 0xFFFFF) << 20) ^ (cy & 0xFFFFF);
        }

        int[] within(Commune origin, double radius, int exclude) {
            int[] found = new int[64];
            int size = 0;
            int reach = (int) Math.ceil(radius / cell);
            double r2 = radius * radius;
            Place o = origin.place();
            for (int dx = -reach; dx <= reach; dx++) {
                for (int dy = -reach; dy <= reach; dy++) {
                    int[] members = cells.get(key(origin, dx, dy));
                    if (members == null) {
                        continue;
                    }
                    for (int j : members) {
                        Place q = communes.get(j).place();
                        double ex = q.x() - o.x();
                        double ey = q.y() - o.y();
                        if (j != exclude && ex * ex + ey * ey <= r2) {
                            if (size == found.length) {
                                found = Arrays.copyOf(found, size * 2);
                            }
                            found[size++] = j;
                        }
                    }
                }
            }
            return Arrays.copyOf(found, size);
        }
    }
}
