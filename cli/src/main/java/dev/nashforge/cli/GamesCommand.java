package dev.nashforge.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nashforge.games.catalog.CatalogEntry;
import dev.nashforge.games.catalog.GameCatalog;
import dev.nashforge.games.catalog.ParameterSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;

/**
 * {@code nash games [--json]}: the game catalog ({@link GameCatalog#entries()}): every family with its kind,
 * description, parameters (defaults, allowed values, meanings) and the extra parameters of its distribution.
 */
@Command(name = "games",
        mixinStandardHelpOptions = true,
        description = "List the game catalog: every family with its parameters, their defaults and meanings, "
                + "and the extra parameters of its distribution (for meta-training).",
        footerHeading = "%nExamples:%n",
        footer = {"  ./nash games", "  ./nash games --json",
                "%nA game is named by a spec: the family name, optionally with parameters, e.g. kuhn_poker or "
                        + "'leduc_poker(players=3)'; omitted parameters take their defaults."})
final class GamesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object {\"games\": [...]}, one entry per family with "
            + "name, kind, description, defaultSpec, parameters, distributionParameters.")
    boolean json;

    @Override
    public void run() {
        List<CatalogEntry> entries = GameCatalog.entries();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = JsonOutput.object();
            ArrayNode games = root.putArray("games");
            for (CatalogEntry e : entries) {
                ObjectNode g = games.addObject();
                g.put("name", e.name());
                g.put("kind", e.kind().label());
                g.put("description", e.description());
                g.put("defaultSpec", e.defaultSpec());
                parameters(g.putArray("parameters"), e.parameters());
                parameters(g.putArray("distributionParameters"), e.distributionParameters());
            }
            JsonOutput.print(out, root);
            return;
        }
        TextTable table = new TextTable().row("game", "kind", "default spec", "description");
        for (CatalogEntry e : entries) {
            table.row(e.name(), e.kind().label(), e.defaultSpec(), e.description());
        }
        table.print(out);
        for (CatalogEntry e : entries) {
            out.println();
            out.println(e.name() + " (" + e.kind().label() + ")");
            listParameters(out, "parameters", e.parameters());
            listParameters(out, "distribution parameters", e.distributionParameters());
        }
        out.flush();
    }

    private static void listParameters(PrintWriter out, String title, List<ParameterSpec> parameters) {
        if (parameters.isEmpty()) {
            out.println("  " + title + ": none");
            return;
        }
        out.println("  " + title + ":");
        TextTable t = new TextTable();
        for (ParameterSpec p : parameters) {
            t.row("    " + p.name(), "default " + defaultText(p.defaultValue()), p.allowed(), p.meaning());
        }
        t.print(out);
    }

    private static String defaultText(Object value) {
        return value instanceof Double d ? NumberText.format(d) : String.valueOf(value);
    }

    private static void parameters(ArrayNode array, List<ParameterSpec> parameters) {
        for (ParameterSpec p : parameters) {
            ObjectNode o = array.addObject();
            o.put("name", p.name());
            o.put("type", p.type().label());
            if (p.defaultValue() instanceof Integer i) {
                o.put("default", i);
            } else if (p.defaultValue() instanceof Long l) {
                o.put("default", l);
            } else if (p.defaultValue() instanceof Double d) {
                o.put("default", d);
            } else {
                o.put("default", String.valueOf(p.defaultValue()));
            }
            if (p.type() == ParameterSpec.Type.LONG) {
                o.putNull("min");
                o.putNull("max");
            } else if (p.type() == ParameterSpec.Type.INT) {
                o.put("min", (long) p.min());
                o.put("max", (long) p.max());
            } else {
                o.put("min", p.min());
                o.put("max", p.max());
            }
            o.put("allowed", p.allowed());
            o.put("meaning", p.meaning());
        }
    }
}
