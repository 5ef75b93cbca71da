package dev.coarse.emergence.deepnet;

import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * An activation given as a formula in x, parsed by a small recursive-descent parser into a tree of
 * {@link DoubleUnaryOperator}s (no scripting engine, nothing evaluated but arithmetic). The language: numbers, x, pi,
 * e; + − * / and ^ (right-associative, binding tighter than unary minus: −x^2 = −(x²)); parentheses; the functions
 * tanh, sinh, cosh, sin, cos, exp, log, sqrt, abs, sigmoid and softplus. Example: {@code "x * sigmoid(x)"}.
 *
 * <p>Derivatives are central differences with step h = 10⁻⁴·max(1, |x|) for φ′ (truncation error ~h²|φ‴|/6, about
 * 10⁻⁹ for smooth φ of order one) and 10⁻³·max(1, |x|) for φ″ (about 10⁻⁷); a formula with a kink is
 * differentiated through the kink's average slope. A formula must be finite at x = 0, ±1, ±3 (checked on parsing).
 */
public final class FormulaActivation implements Activation {

    private static final Map<String, DoubleUnaryOperator> FUNCTIONS = Map.ofEntries(
            Map.entry("tanh", Math::tanh), Map.entry("sinh", Math::sinh), Map.entry("cosh", Math::cosh),
            Map.entry("sin", Math::sin), Map.entry("cos", Math::cos), Map.entry("exp", Math::exp),
            Map.entry("log", Math::log), Map.entry("sqrt", Math::sqrt), Map.entry("abs", Math::abs),
            Map.entry("sigmoid", v -> 1 / (1 + Math.exp(-v))),
            Map.entry("softplus", v -> v > 30 ? v : Math.log1p(Math.exp(v))));

    private final String formula;
    private final DoubleUnaryOperator f;

    private FormulaActivation(String formula, DoubleUnaryOperator f) {
        this.formula = formula;
        this.f = f;
    }

    /** Parses {@code formula}; IllegalArgumentException with the position of the first error. */
    public static FormulaActivation parse(String formula) {
        if (formula == null || formula.isBlank()) {
            throw new IllegalArgumentException("empty activation formula");
        }
        if (formula.length() > 500) {
            throw new IllegalArgumentException("activation formula longer than 500 characters");
        }
        Parser parser = new Parser(formula);
        DoubleUnaryOperator tree = parser.expression();
        parser.skipSpaces();
        if (parser.pos < formula.length()) {
            throw parser.error("unexpected '" + formula.charAt(parser.pos) + "'");
        }
        for (double x : new double[] {0, 1, -1, 3, -3}) {
            double v = tree.applyAsDouble(x);
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("activation '" + formula + "' is not finite at x = " + x);
            }
        }
        return new FormulaActivation(formula.strip(), tree);
    }

    @Override
    public String name() {
        return formula;
    }

    @Override
    public double value(double x) {
        return f.applyAsDouble(x);
    }

    @Override
    public double derivative(double x) {
        double h = 1e-4 * Math.max(1, Math.abs(x));
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
    }

    @Override
    public double secondDerivative(double x) {
        double h = 1e-3 * Math.max(1, Math.abs(x));
        return (f.applyAsDouble(x + h) - 2 * f.applyAsDouble(x) + f.applyAsDouble(x - h)) / (h * h);
    }

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        DoubleUnaryOperator expression() {
            DoubleUnaryOperator left = term();
            while (true) {
                skipSpaces();
                if (eat('+')) {
                    DoubleUnaryOperator a = left;
                    DoubleUnaryOperator b = term();
                    left = x -> a.applyAsDouble(x) + b.applyAsDouble(x);
                } else if (eat('-')) {
                    DoubleUnaryOperator a = left;
                    DoubleUnaryOperator b = term();
                    left = x -> a.applyAsDouble(x) - b.applyAsDouble(x);
                } else {
                    return left;
                }
            }
        }

        private DoubleUnaryOperator term() {
            DoubleUnaryOperator left = unary();
            while (true) {
                skipSpaces();
                if (eat('*')) {
                    DoubleUnaryOperator a = left;
                    DoubleUnaryOperator b = unary();
                    left = x -> a.applyAsDouble(x) * b.applyAsDouble(x);
                } else if (eat('/')) {
                    DoubleUnaryOperator a = left;
                    DoubleUnaryOperator b = unary();
                    left = x -> a.applyAsDouble(x) / b.applyAsDouble(x);
                } else {
                    return left;
                }
            }
        }

        private DoubleUnaryOperator unary() {
            skipSpaces();
            if (eat('-')) {
                DoubleUnaryOperator a = unary();
                return x -> -a.applyAsDouble(x);
            }
            if (eat('+')) {
                return unary();
            }
            return power();
        }

        private DoubleUnaryOperator power() {
            DoubleUnaryOperator base = primary();
            skipSpaces();
            if (eat('^')) {
                DoubleUnaryOperator exponent = unary();
                return x -> Math.pow(base.applyAsDouble(x), exponent.applyAsDouble(x));
            }
            return base;
        }

        private DoubleUnaryOperator primary() {
            skipSpaces();
            if (pos >= text.length()) {
                throw error("formula ends early");
            }
            char c = text.charAt(pos);
            if (eat('(')) {
                DoubleUnaryOperator inner = expression();
                skipSpaces();
                if (!eat(')')) {
                    throw error("missing ')'");
                }
                return inner;
            }
            if (Character.isDigit(c) || c == '.') {
                int start = pos;
                while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                    pos++;
                }
                if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')
                        && pos + 1 < text.length()
                        && (Character.isDigit(text.charAt(pos + 1)) || text.charAt(pos + 1) == '-'
                        || text.charAt(pos + 1) == '+')) {
                    pos += 2;
                    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                        pos++;
                    }
                }
                double value;
                try {
                    value = Double.parseDouble(text.substring(start, pos));
                } catch (NumberFormatException e) {
                    throw error("bad number '" + text.substring(start, pos) + "'");
                }
                return x -> value;
            }
            if (Character.isLetter(c)) {
                int start = pos;
                while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
                    pos++;
                }
                String word = text.substring(start, pos).toLowerCase(Locale.ROOT);
                switch (word) {
                    case "x":
                        return x -> x;
                    case "pi":
                        return x -> Math.PI;
                    case "e":
                        return x -> Math.E;
                    default:
                        break;
                }
                DoubleUnaryOperator fn = FUNCTIONS.get(word);
                if (fn == null) {
                    pos = start;
                    throw error("unknown name '" + word + "' (use x, pi, e, " + String.join(", ",
                            new java.util.TreeSet<>(FUNCTIONS.keySet())) + ")");
                }
                skipSpaces();
                if (!eat('(')) {
                    throw error("expected '(' after " + word);
                }
                DoubleUnaryOperator arg = expression();
                skipSpaces();
                if (!eat(')')) {
                    throw error("missing ')'");
                }
                return x -> fn.applyAsDouble(arg.applyAsDouble(x));
            }
            throw error("unexpected '" + c + "'");
        }

        void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private boolean eat(char c) {
            if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException("activation formula '" + text + "': " + message + " at position "
                    + (pos + 1));
        }
    }
}
