import Foundation

/// Why a PDF is set in the standard fonts instead of embedded TrueType fonts.
package enum PDFFontProblem: Sendable, Equatable {
    /// No font file in the usual font folders (`searched`).
    case notFound(searched: [String])
    /// A font file (named by `TRINVIS_FONT`, or found) cannot be read or is no TrueType font.
    case unusable(path: String, reason: String)
}

/// The fonts for a PDF and, when they are the standard ones, why.
package struct PDFFontChoice: Sendable, Equatable {
    /// The fonts to set the PDF in.
    package let fonts: PDFFonts
    /// Why no TrueType font is embedded; nil when one is.
    package let problem: PDFFontProblem?
}

extension PDFFonts {
    /// The regular face looked for: DejaVu Sans (Debian's fonts-dejavu-core).
    package static let regularFileName = "DejaVuSans.ttf"
    /// The bold face looked for.
    package static let boldFileName = "DejaVuSans-Bold.ttf"
    /// The variable that names the regular font file instead.
    package static let fontVariable = "TRINVIS_FONT"
    /// The variable that names the bold font file (else the regular one is used for bold too).
    package static let boldFontVariable = "TRINVIS_FONT_BOLD"

    /// The fonts for printing, read from the system now: the files `TRINVIS_FONT` and
    /// `TRINVIS_FONT_BOLD` name when set (and only those), else DejaVu Sans and DejaVu Sans Bold
    /// from the first font folder that has them. Without a usable regular font the standard
    /// fonts, with the reason; without a bold one the regular font sets the bold text too.
    package static func system(environment: [String: String]) -> PDFFontChoice {
        let named = environment[fontVariable].flatMap { $0.isEmpty ? nil : $0 }
        let namedBold = environment[boldFontVariable].flatMap { $0.isEmpty ? nil : $0 }
        let folders = fontFolders(environment: environment)
        guard let regularPath = named ?? find(regularFileName, in: folders) else {
            return PDFFontChoice(fonts: .standard, problem: .notFound(searched: folders))
        }
        let boldPath = namedBold ?? (named == nil ? find(boldFileName, in: folders) : nil)
        do {
            let regular = try readFont(regularPath)
            let bold = try boldPath.map(readFont) ?? regular
            return PDFFontChoice(fonts: .embedded(regular: regular, bold: bold), problem: nil)
        } catch let error as FontFileError {
            return PDFFontChoice(fonts: .standard, problem: .unusable(path: error.path, reason: error.reason))
        } catch {
            return PDFFontChoice(fonts: .standard, problem: .unusable(path: regularPath, reason: String(describing: error)))
        }
    }

    /// The environment of this process.
    package static var processEnvironment: [String: String] { ProcessInfo.processInfo.environment }

    /// The font folders, in the order they are searched: the person's own
    /// (`$XDG_DATA_HOME/fonts`, `~/.fonts`), then `fonts` in each of `$XDG_DATA_DIRS`
    /// (`/usr/local/share` and `/usr/share` when unset).
    package static func fontFolders(environment: [String: String]) -> [String] {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
        var folders: [String] = []
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty {
            folders.append(data + "/fonts")
        } else if let home {
            folders.append(home + "/.local/share/fonts")
        }
        if let home { folders.append(home + "/.fonts") }
        let shared = environment["XDG_DATA_DIRS"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/local/share:/usr/share"
        folders += shared.split(separator: ":").map { String($0) + "/fonts" }
        #if os(macOS)
        if let home { folders.append(home + "/Library/Fonts") }
        folders.append("/Library/Fonts")
        #endif
        var seen: Set<String> = []
        return folders.filter { seen.insert($0).inserted }
    }

    /// The first readable regular file called `name` in a folder or in the subfolders
    /// distributions put DejaVu in (Debian `truetype/dejavu`, Fedora `dejavu-sans-fonts`, Arch
    /// `TTF`).
    static func find(_ name: String, in folders: [String]) -> String? {
        let subfolders = ["", "truetype/dejavu/", "dejavu/", "dejavu-sans-fonts/", "TTF/", "truetype/"]
        for folder in folders {
            for subfolder in subfolders {
                let path = folder + "/" + subfolder + name
                var status = stat()
                if stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, access(path, R_OK) == 0 {
                    return path
                }
            }
        }
        return nil
    }

    /// Reads and checks a font file with the person's own rights (a setgid Trinvis never reads
    /// a file for the person that the person could not read).
    static func readFont(_ path: String) throws -> TrueTypeFont {
        let bytes: [UInt8]
        do {
            bytes = try PersonRights.perform { try readFile(path) }
        } catch let error as FontFileError {
            throw error
        } catch {
            throw FontFileError(path: path, reason: String(describing: error))
        }
        let font: TrueTypeFont
        do {
            font = try TrueTypeFont(bytes: bytes)
        } catch {
            throw FontFileError(path: path, reason: String(describing: error))
        }
        guard font.hasCharacterMap else {
            throw FontFileError(path: path, reason: String(describing: TrueTypeError.missingTable("Unicode cmap (format 4 or 12)")))
        }
        return font
    }

    /// The bytes of a regular file of at most 64 MB.
    private static func readFile(_ path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FontFileError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw FontFileError(path: path, reason: String(cString: strerror(errno))) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw FontFileError(path: path, reason: "not a regular file") }
        let size = Int(status.st_size)
        guard size <= 64 << 20 else { throw FontFileError(path: path, reason: "larger than 64 MB") }
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress.map { $0 + done }, size - done) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                throw FontFileError(path: path, reason: count < 0 ? String(cString: strerror(errno)) : "cut short")
            }
            done += count
        }
        return bytes
    }
}

/// A font file that cannot be used, and why.
struct FontFileError: Error {
    /// The file.
    let path: String
    /// Why it cannot be used ("No such file or directory").
    let reason: String
}
