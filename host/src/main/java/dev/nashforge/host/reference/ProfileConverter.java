package dev.nashforge.host.reference;

import dev.nashforge.games.layout.GameStructure;
import dev.nashforge.games.layout.Treeplex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between the two forms of a behaviour profile: a {@code List<Map<String, double[]>>} keyed by the
 * authoring API's infoset keys (player i's map at index i; see {@link RecursiveEvaluator}) and the flat
 * {@code double[player][sequence]} array of the compiled layout (σ_i(a|I) at the sequence of (I,a), entry 0 = 1).
 * Only the infoset keys, action counts and first sequences of the treeplexes are used. Stateless.
 */
public final class ProfileConverter {

    private ProfileConverter() {
    }

    /**
     * The flat behaviour array of a map profile.
     *
     * @throws IllegalArgumentException if an infoset of the structure is missing from the profile, has the wrong
     *                                  number of probabilities, or the profile names an infoset the structure
     *                                  does not have
     */
    public static double[][] toBehaviourArray(GameStructure structure, List<Map<String, double[]>> profile) {
        int n = structure.numPlayers();
        if (profile == null || profile.size() != n) {
            throw new IllegalArgumentException(structure.name() + ": a profile needs one map per player (" + n
                    + "), got " + (profile == null ? "null" : profile.size()));
        }
        double[][] behaviour = new double[n][];
        for (int i = 0; i < n; i++) {
            Treeplex t = structure.treeplex(i);
            Map<String, double[]> map = profile.get(i);
            for (String key : map.keySet()) {
                if (t.indexOfKey(key) < 0) {
                    throw new IllegalArgumentException(structure.name() + ": the profile of player " + i
                            + " names infoset '" + key + "', which the game does not have");
                }
            }
            double[] sigma = new double[t.numSequences()];
            sigma[0] = 1;
            for (int infoset = 0; infoset < t.numInfosets(); infoset++) {
                String key = t.infosetKeys()[infoset];
                double[] p = map.get(key);
                int k = t.numActions()[infoset];
                if (p == null || p.length != k) {
                    throw new IllegalArgumentException(structure.name() + ": the profile of player " + i + " gives "
                            + (p == null ? "no" : p.length) + " probabilities at infoset '" + key + "', which has "
                            + k + " actions");
                }
                System.arraycopy(p, 0, sigma, t.firstSequence()[infoset], k);
            }
            behaviour[i] = sigma;
        }
        return behaviour;
    }

    /** The map profile of a flat {@code [player][sequence]} behaviour array (fresh arrays in fresh maps). */
    public static List<Map<String, double[]>> toMapProfile(GameStructure structure, double[][] behaviour) {
        int n = structure.numPlayers();
        if (behaviour == null || behaviour.length != n) {
            throw new IllegalArgumentException(structure.name() + ": behaviour has "
                    + (behaviour == null ? "no" : behaviour.length) + " player rows, expected " + n);
        }
        List<Map<String, double[]>> profile = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Treeplex t = structure.treeplex(i);
            if (behaviour[i].length != t.numSequences()) {
                throw new IllegalArgumentException(structure.name() + ": behaviour[" + i + "] has "
                        + behaviour[i].length + " entries, expected " + t.numSequences());
            }
            Map<String, double[]> map = new HashMap<>();
            for (int infoset = 0; infoset < t.numInfosets(); infoset++) {
                int f = t.firstSequence()[infoset];
                double[] p = new double[t.numActions()[infoset]];
                System.arraycopy(behaviour[i], f, p, 0, p.length);
                map.put(t.infosetKeys()[infoset], p);
            }
            profile.add(map);
        }
        return profile;
    }
}
