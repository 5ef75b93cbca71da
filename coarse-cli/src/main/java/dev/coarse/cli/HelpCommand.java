package dev.coarse.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.UserError;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code coarse help [COMMAND…] [--json]}: a command's usage, or with {@code --json} its description, options,
 * parameters and subcommands (recursively) as one JSON object, for tools and editors.
 */
@Command(name = "help", helpCommand = true, mixinStandardHelpOptions = true,
        description = "Show the usage of coarse or of a command (e.g. 'coarse help rg mcrg'); --json: as JSON, with every subcommand.")
final class HelpCommand implements Runnable {

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command (and subcommands) to describe.")
    List<String> path = List.of();

    @Option(names = "--json", description = "Print the command tree as one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        CommandLine target = spec.commandLine().getParent();
        for (String name : path) {
            CommandLine sub = target.getSubcommands().get(name);
            if (sub == null) {
                throw new UserError("'" + name + "' is not a '" + target.getCommandSpec().qualifiedName()
                        + "' command (known: " + String.join(", ", target.getSubcommands().keySet()) + ")");
            }
            target = sub;
        }
        if (json) {
            spec.commandLine().getOut().println(JsonOutput.MAPPER.valueToTree(describe(target.getCommandSpec()))
                    .toPrettyString());
        } else {
            target.usage(spec.commandLine().getOut());
        }
        spec.commandLine().getOut().flush();
    }

    /** The command as JSON: name, description, options, positional parameters, subcommands. */
    static ObjectNode describe(CommandSpec command) {
        ObjectNode node = JsonOutput.object();
        node.put("name", command.qualifiedName());
        node.put("description", String.join(" ", command.usageMessage().description()));
        ArrayNode options = node.putArray("options");
        for (OptionSpec o : command.options()) {
            if (o.hidden()) {
                continue;
            }
            ObjectNode option = options.addObject();
            ArrayNode names = option.putArray("names");
            for (String n : o.names()) {
                names.add(n);
            }
            option.put("description", String.join(" ", o.description())
                    .replace("${DEFAULT-VALUE}", String.valueOf(o.defaultValue())));
            option.put("takes_value", o.arity().max() > 0);
            if (o.arity().max() > 0) {
                option.put("param", o.paramLabel());
            }
            option.put("required", o.required());
            if (o.defaultValue() != null) {
                option.put("default", o.defaultValue());
            }
        }
        ArrayNode parameters = node.putArray("parameters");
        for (PositionalParamSpec p : command.positionalParameters()) {
            if (p.hidden()) {
                continue;
            }
            ObjectNode parameter = parameters.addObject();
            parameter.put("label", p.paramLabel());
            parameter.put("description", String.join(" ", p.description()));
            parameter.put("arity", p.arity().toString());
        }
        ArrayNode subcommands = node.putArray("subcommands");
        for (CommandLine sub : command.subcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden() && sub.getCommandSpec() != command) {
                subcommands.add(describe(sub.getCommandSpec()));
            }
        }
        return node;
    }
}
