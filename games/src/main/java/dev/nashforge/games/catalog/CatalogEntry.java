package dev.nashforge.games.catalog;

import java.util.List;

/**
 * The self-description of one catalog family, as {@code nash games} prints it. Immutable.
 *
 * @param name                   family name used in specs, e.g. {@code leduc_poker}
 * @param description            one line
 * @param kind                   normal-form or extensive-form
 * @param parameters             the game's parameters, in canonical order
 * @param distributionParameters the extra parameters accepted by {@link GameCatalog#distribution(String)}
 */
public record CatalogEntry(String name, String description, GameKind kind, List<ParameterSpec> parameters,
                           List<ParameterSpec> distributionParameters) {

    public CatalogEntry {
        parameters = List.copyOf(parameters);
        distributionParameters = List.copyOf(distributionParameters);
    }

    /** Names of the game parameters, e.g. {@code [players]}. */
    public List<String> parameterNames() {
        return parameters.stream().map(ParameterSpec::name).toList();
    }

    /** Names of the distribution parameters, e.g. {@code [noise, chance_noise]}. */
    public List<String> distributionParameterNames() {
        return distributionParameters.stream().map(ParameterSpec::name).toList();
    }

    /** The spec of this family at its defaults, e.g. {@code kuhn_poker(players=2)}. */
    public String defaultSpec() {
        if (parameters.isEmpty()) {
            return name;
        }
        StringBuilder b = new StringBuilder(name).append('(');
        for (int k = 0; k < parameters.size(); k++) {
            ParameterSpec p = parameters.get(k);
            b.append(k == 0 ? "" : ",").append(p.name()).append('=').append(ParameterSpec.format(p.defaultValue()));
        }
        return b.append(')').toString();
    }
}
