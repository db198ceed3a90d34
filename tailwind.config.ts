import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: {
          50: "#eef6ff",
          100: "#d9eaff",
          200: "#bcdaff",
          600: "#1d5fd1",
          700: "#174bb0",
          800: "#163f8c",
          900: "#132f66",
        },
      },
    },
  },
  plugins: [],
} satisfies Config;
