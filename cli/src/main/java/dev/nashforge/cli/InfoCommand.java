package dev.nashforge.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameStructure;
import dev.nashforge.games.layout.Treeplex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code nash info GAME [--json] [--infosets]}: the size of a game's sequence form (players, infosets and
 * sequences per player, terminals), its utility kind and payoff range; with {@code --infosets} also every
 * infoset key with its legal actions (the keys of a profile file). Sequence counts do not include the empty
 * sequence.
 */
@Command(name = "info",
        mixinStandardHelpOptions = true,
        description = "Show the size of a game's sequence form, its utility kind and payoff range.",
        footerHeading = "%nExamples:%n",
        footer = {"  ./nash info kuhn_poker", "  ./nash info 'leduc_poker(players=3)' --json",
                "  ./nash info kuhn_poker --infosets",
                "%nSequences are counted per player without the empty sequence, so they equal the sum of the "
                        + "action counts of the player's infosets."})
final class InfoCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "GAME", description = GameArgument.DESCRIPTION)
    String game;

    @Option(names = "--json", description = "Print one JSON object (keys: game, players, infosets, sequences, "
            + "terminals, utilityKind, payoffRange).")
    boolean json;

    @Option(names = "--infosets", description = "Also list every infoset key of every player with its legal "
            + "actions, in the order a profile file expects.")
    boolean infosets;

    @Override
    public void run() {
        CompiledGame compiled = GameArgument.compile(spec, game);
        StructureSummary summary = StructureSummary.of(compiled);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode node = JsonOutput.object();
            summary.addTo(node, true);
            if (infosets) {
                node.set("infosetActions", infosetActions(compiled.structure(), node));
            }
            JsonOutput.print(out, node);
        } else {
            printText(out, summary);
            if (infosets) {
                printInfosets(out, compiled.structure());
            }
        }
    }

    private static void printText(PrintWriter out, StructureSummary s) {
        TextTable t = new TextTable();
        t.row("game", s.game());
        t.row("players", Integer.toString(s.players()));
        t.row("terminals", Integer.toString(s.terminals()));
        t.row("utility kind", s.utilityKind().label());
        t.row("payoff range", "[" + NumberText.format(s.payoffRange()[0]) + ", "
                + NumberText.format(s.payoffRange()[1]) + "]");
        t.print(out);
        out.println();
        TextTable p = new TextTable();
        p.row("player", "infosets", "sequences (empty sequence not counted)");
        for (int i = 0; i < s.players(); i++) {
            p.row(Integer.toString(i), Integer.toString(s.infosets()[i]), Integer.toString(s.sequences()[i]));
        }
        p.row("total", Integer.toString(s.totalInfosets()), Integer.toString(s.totalSequences()));
        p.print(out);
    }

    private static void printInfosets(PrintWriter out, GameStructure s) {
        for (int i = 0; i < s.numPlayers(); i++) {
            out.println();
            out.println("player " + i + " infosets (key: actions)");
            TextTable t = new TextTable();
            Treeplex tp = s.treeplex(i);
            for (int infoset = 0; infoset < tp.numInfosets(); infoset++) {
                t.row("  " + tp.infosetKeys()[infoset], String.join(", ", actionNames(tp, infoset)));
            }
            t.print(out);
        }
        out.flush();
    }

    /** {@code [player]} objects mapping infoset key to its action names, in treeplex order. */
    private static ArrayNode infosetActions(GameStructure s, ObjectNode factory) {
        ArrayNode players = factory.arrayNode();
        for (int i = 0; i < s.numPlayers(); i++) {
            ObjectNode keys = players.addObject();
            Treeplex tp = s.treeplex(i);
            for (int infoset = 0; infoset < tp.numInfosets(); infoset++) {
                ArrayNode actions = keys.putArray(tp.infosetKeys()[infoset]);
                actionNames(tp, infoset).forEach(actions::add);
            }
        }
        return players;
    }

    private static List<String> actionNames(Treeplex tp, int infoset) {
        List<String> names = new ArrayList<>();
        int first = tp.firstSequence()[infoset];
        for (int a = 0; a < tp.numActions()[infoset]; a++) {
            names.add(tp.sequenceActionName()[first + a]);
        }
        return names;
    }
}
