"""Word lists and sentence templates for the benchmark corpus (Indonesian-style news).

Kept apart from the generator so the generator stays readable.  The templates are Python
format strings over the slots that ``corpus._Slots`` fills: ``{who}`` (a person, introduced
with their role the first time), ``{speaker}`` (a person who is quoted), ``{place}``,
``{place2}``, ``{province}``, ``{org}``, ``{date}`` (an Indonesian date expression),
``{year}``, ``{num}``, ``{amount}``, ``{pct}``, ``{daypart}``, ``{quote}``.  The people,
places and organisations are fictional people in real Indonesian places; the outlets are
invented.
"""

from __future__ import annotations

FIRST_NAMES = (
    "Budi", "Siti", "Agus", "Dewi", "Rudi", "Sri", "Joko", "Ratna", "Hendra", "Wahyu", "Yusuf",
    "Fitri", "Bambang", "Retno", "Andi", "Lestari", "Eko", "Nur", "Teguh", "Indah", "Dimas", "Ayu",
    "Rizky", "Maya", "Fajar", "Putri", "Arief", "Rina", "Hadi", "Wulan", "Slamet", "Kartika", "Bayu",
    "Nadia", "Irfan", "Sari", "Gilang", "Yanti", "Taufik", "Mega", "Ahmad", "Dian", "Rahmat", "Anisa",
    "Surya", "Lina", "Doni", "Ratih", "Iwan", "Endah", "Galih", "Novi", "Hasan", "Tuti", "Rangga",
    "Laila", "Yoga", "Citra", "Ilham", "Intan", "Yohanes", "Maria", "Frans", "Theresia", "Made",
    "Ketut", "Wayan", "Komang", "Daeng", "Andi Muh.",
)

LAST_NAMES = (
    "Santoso", "Wijaya", "Pratama", "Saputra", "Hidayat", "Nugroho", "Kusuma", "Setiawan", "Siregar",
    "Nasution", "Lubis", "Harahap", "Simanjuntak", "Sitompul", "Rahman", "Hakim", "Syahputra",
    "Gunawan", "Susanto", "Wibowo", "Purnomo", "Hartono", "Sembiring", "Tarigan", "Ginting",
    "Manurung", "Pangaribuan", "Halim", "Tanjung", "Nainggolan", "Situmorang", "Mahendra", "Permana",
    "Ramadhan", "Firmansyah", "Kurniawan", "Utomo", "Prasetyo", "Suryadi", "Rachman", "Pohan",
    "Daulay", "Batubara", "Latuconsina", "Rumbiak", "Wenda", "Mandagi", "Lumintang", "Sondakh",
    "Tambunan", "Matondang", "Marpaung", "Sinaga", "Pakpahan", "Sihombing", "Hutapea", "Panjaitan",
    "Sinulingga", "Pattiasina", "Tuhumury", "Mamonto", "Paputungan", "Daeng Matutu", "Sulistyo",
)

# (city, province); real places, so the extractors meet real-looking names.
PLACES = (
    ("Jakarta", "DKI Jakarta"), ("Surabaya", "Jawa Timur"), ("Bandung", "Jawa Barat"),
    ("Medan", "Sumatera Utara"), ("Makassar", "Sulawesi Selatan"), ("Semarang", "Jawa Tengah"),
    ("Palembang", "Sumatera Selatan"), ("Denpasar", "Bali"), ("Balikpapan", "Kalimantan Timur"),
    ("Samarinda", "Kalimantan Timur"), ("Pontianak", "Kalimantan Barat"),
    ("Banjarmasin", "Kalimantan Selatan"), ("Manado", "Sulawesi Utara"), ("Ambon", "Maluku"),
    ("Jayapura", "Papua"), ("Kupang", "Nusa Tenggara Timur"), ("Mataram", "Nusa Tenggara Barat"),
    ("Padang", "Sumatera Barat"), ("Pekanbaru", "Riau"), ("Jambi", "Jambi"), ("Bengkulu", "Bengkulu"),
    ("Bandar Lampung", "Lampung"), ("Yogyakarta", "DI Yogyakarta"), ("Surakarta", "Jawa Tengah"),
    ("Malang", "Jawa Timur"), ("Cirebon", "Jawa Barat"), ("Kendari", "Sulawesi Tenggara"),
    ("Palu", "Sulawesi Tengah"), ("Gorontalo", "Gorontalo"), ("Ternate", "Maluku Utara"),
    ("Sorong", "Papua Barat Daya"), ("Merauke", "Papua Selatan"), ("Labuan Bajo", "Nusa Tenggara Timur"),
    ("Batam", "Kepulauan Riau"), ("Tanjung Pinang", "Kepulauan Riau"),
    ("Pangkal Pinang", "Kepulauan Bangka Belitung"), ("Serang", "Banten"), ("Bogor", "Jawa Barat"),
    ("Bekasi", "Jawa Barat"), ("Tangerang", "Banten"), ("Garut", "Jawa Barat"),
    ("Tasikmalaya", "Jawa Barat"), ("Cilacap", "Jawa Tengah"), ("Banyuwangi", "Jawa Timur"),
    ("Jember", "Jawa Timur"), ("Kediri", "Jawa Timur"), ("Bima", "Nusa Tenggara Barat"),
    ("Ende", "Nusa Tenggara Timur"), ("Maumere", "Nusa Tenggara Timur"), ("Tarakan", "Kalimantan Utara"),
    ("Nunukan", "Kalimantan Utara"), ("Sampit", "Kalimantan Tengah"), ("Palangka Raya", "Kalimantan Tengah"),
    ("Bitung", "Sulawesi Utara"), ("Tual", "Maluku"), ("Timika", "Papua Tengah"), ("Wamena", "Papua Pegunungan"),
    ("Biak", "Papua"), ("Sabang", "Aceh"), ("Lhokseumawe", "Aceh"), ("Banda Aceh", "Aceh"),
    ("Sibolga", "Sumatera Utara"), ("Bukittinggi", "Sumatera Barat"), ("Dumai", "Riau"),
    ("Parepare", "Sulawesi Selatan"), ("Bone", "Sulawesi Selatan"), ("Polewali", "Sulawesi Barat"),
)

# Organisations; "{province}" is filled from the person's or article's province.
ORGANIZATIONS = (
    "Kementerian Perhubungan", "Kementerian Keuangan", "Kementerian PUPR", "BNPB", "BMKG", "KPU",
    "Bawaslu", "Pelindo", "DPR", "Basarnas", "TNI AL", "Bank Indonesia", "OJK", "BPK", "KPK",
    "Pertamina", "PLN", "Universitas Gadjah Mada", "Universitas Indonesia", "Institut Teknologi Bandung",
    "Universitas Airlangga", "Universitas Hasanuddin", "Walhi", "Indonesia Corruption Watch",
    "Ombudsman RI", "Badan Pusat Statistik", "Bappenas", "Kadin", "Apindo", "Kementerian Dalam Negeri",
    "Kementerian Sosial", "Palang Merah Indonesia", "Perludem", "Kementerian Kelautan dan Perikanan",
)

ROLES = (
    "Kepala Dinas Perhubungan {province}", "Gubernur {province}", "Bupati {city}", "Wali Kota {city}",
    "Kepala BPBD {province}", "Direktur Utama Pelindo", "Ketua KPU {province}", "Ketua Bawaslu {city}",
    "Juru bicara Kementerian Perhubungan", "Menteri Keuangan", "Anggota Komisi V DPR",
    "Ketua DPRD {province}", "Kepala Pusat Data BNPB", "Kepala Stasiun BMKG {city}",
    "Sekretaris Daerah {province}", "Kapolres {city}", "Komandan Lanal {city}", "Ekonom Universitas Indonesia",
    "Pengamat kebijakan publik dari Universitas Gadjah Mada", "Peneliti Perludem",
    "Koordinator Indonesia Corruption Watch", "Direktur Eksekutif Walhi {province}",
    "Ketua Kadin {province}", "Kepala Badan Pusat Statistik {province}", "Camat {city} Barat",
    "Kepala Desa Sukamaju", "Ketua Himpunan Nelayan {city}", "Kepala Basarnas {city}",
    "Dosen Institut Teknologi Bandung", "Anggota Ombudsman RI",
)

OUTLETS = (
    ("Kabar Nusantara", "KABARNUSANTARA.ID"), ("Harian Seberang", "HARIANSEBERANG.COM"),
    ("Warta Timur", "WARTATIMUR.CO.ID"), ("Suara Pesisir", "SUARAPESISIR.ID"),
    ("Metro Kepulauan", "METROKEPULAUAN.COM"), ("Tribun Selat", "TRIBUNSELAT.COM"),
    ("Pos Khatulistiwa", "POSKHATULISTIWA.ID"), ("Radar Tenggara", "RADARTENGGARA.CO.ID"),
)

WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember")
DAYPARTS = ("pagi", "siang", "sore", "malam", "dini hari")

# Themes become the site's topic hubs.  Each has hub keywords, titles and sentences.
THEMES: dict[str, dict] = {
    "pelabuhan": {
        "title": "Pelabuhan dan logistik",
        "description": "Pembangunan dermaga, arus kapal kontainer dan biaya logistik antarpulau.",
        "keywords": ["pelabuhan", "dermaga", "kapal kontainer", "bongkar muat", "tol laut"],
        "entities": [],
        "min_matches": 1,
        "titles": (
            "Dermaga Baru di {place} Mulai Layani Kapal Kontainer",
            "{org} Targetkan Bongkar Muat di Pelabuhan {place} Naik {pct}",
            "{surname_lead} Minta Biaya Logistik ke {place} Ditekan",
            "Antrean Kapal di Pelabuhan {place} Mengular, {org} Turun Tangan",
            "Pelabuhan {place} Dibuka, Nelayan Khawatir Kehilangan Ruang Tambat",
            "Jalur Tol Laut {place}–{place2} Diperpanjang hingga {next_year}",
        ),
        "sentences": (
            "Kapal kontainer pertama bersandar di dermaga baru {place} pada {date}.",
            "{who} menyebut kapasitas bongkar muat pelabuhan itu kini mencapai {num} peti kemas per bulan.",
            "Pembangunan dermaga sepanjang {num} meter itu menelan biaya {amount}.",
            "Antrean truk logistik di pintu masuk pelabuhan {place} terlihat sejak {date}.",
            "{org} mencatat arus barang melalui pelabuhan {place} naik {pct} dibanding tahun lalu.",
            "Rute tol laut dari {place} ke {place2} kini dilayani dua kali dalam sepekan.",
            "Biaya logistik ke wilayah timur disebut masih {pct} lebih mahal daripada di Jawa.",
            "Sebagian nelayan di sekitar dermaga {place} mengeluhkan berkurangnya ruang tambat perahu.",
            "Pelindo berencana menambah dua unit derek kontainer di pelabuhan {place} pada {year}.",
            "Pengerukan alur pelayaran di {place} dijadwalkan rampung {date}.",
            "Waktu tunggu kapal di pelabuhan {place} turun dari empat hari menjadi {small} jam.",
        ),
        "quotes": (
            "Kami siap melayani lebih banyak kapal kontainer mulai bulan depan",
            "Dermaga ini akan memangkas biaya logistik ke {place2}",
            "Kami masih menunggu kepastian jadwal kapal dari {org}",
            "Bongkar muat sekarang jauh lebih cepat daripada tahun lalu",
        ),
    },
    "anggaran": {
        "title": "Anggaran dan dana publik",
        "description": "Besaran anggaran, realisasi belanja dan pengawasan dana publik.",
        "keywords": ["anggaran", "triliun", "APBN", "APBD", "dana hibah", "realisasi belanja"],
        "entities": [],
        "min_matches": 2,
        "titles": (
            "Anggaran {amount} untuk {place} Dipertanyakan DPRD",
            "{org} Soroti Realisasi Belanja yang Baru {pct}",
            "Dana Hibah {amount} Cair, {surname_lead} Janji Transparan",
            "APBD {province} {year} Defisit, Proyek Fisik Ditunda",
            "BPK Temukan Selisih {amount} dalam Laporan Keuangan {place}",
        ),
        "sentences": (
            "Pemerintah mengalokasikan anggaran sebesar {amount} untuk program tersebut dalam APBN {year}.",
            "Realisasi belanja daerah {province} hingga {date} baru mencapai {pct}.",
            "{who} meminta agar penggunaan dana hibah {amount} itu diaudit secara terbuka.",
            "BPK menemukan selisih pencatatan senilai {amount} dalam laporan keuangan {place}.",
            "APBD {province} tahun ini disahkan dengan nilai {amount}.",
            "Sebagian anggaran dialihkan untuk penanganan bencana di {place}.",
            "{org} menilai perencanaan anggaran daerah masih lemah sejak {year}.",
            "Dana transfer ke daerah untuk {province} naik {pct} dibanding tahun sebelumnya.",
            "Lelang proyek senilai {amount} itu sempat diulang dua kali.",
            "DPRD memanggil sekretaris daerah untuk menjelaskan realisasi belanja yang rendah.",
        ),
        "quotes": (
            "Setiap rupiah anggaran harus bisa dipertanggungjawabkan kepada publik",
            "Kami akan membuka data realisasi belanja di laman resmi pemerintah daerah",
            "Dana hibah itu sudah disalurkan sesuai aturan",
            "Defisit ini membuat beberapa proyek fisik terpaksa ditunda",
        ),
    },
    "banjir": {
        "title": "Banjir dan longsor",
        "description": "Banjir, longsor dan cuaca ekstrem: korban, pengungsi dan tanggap darurat.",
        "keywords": ["banjir", "longsor", "pengungsi", "cuaca ekstrem", "tanggap darurat"],
        "entities": ["BNPB"],
        "min_matches": 1,
        "titles": (
            "Banjir Rendam {num} Rumah di {place}",
            "Longsor di {place}, {org} Kerahkan Tim Pencari",
            "BMKG Peringatkan Cuaca Ekstrem di {province} hingga Akhir Pekan",
            "Status Tanggap Darurat Banjir {place} Diperpanjang",
            "Pengungsi Banjir {place} Mulai Kekurangan Air Bersih",
        ),
        "sentences": (
            "Banjir setinggi satu meter merendam {num} rumah di {place} sejak {date}.",
            "BNPB mencatat {num} warga mengungsi akibat banjir dan longsor di {province}.",
            "Longsor menutup akses jalan antara {place} dan {place2} pada {date}.",
            "BMKG memperkirakan cuaca ekstrem masih akan terjadi di {province} sepekan ke depan.",
            "{who} menetapkan status tanggap darurat selama empat belas hari.",
            "Tim gabungan dari Basarnas dan {org} menyisir lokasi longsor hingga {daypart}.",
            "Para pengungsi ditampung di gedung sekolah dan masjid di {place}.",
            "Bantuan logistik berupa beras dan selimut tiba di posko pengungsian {date}.",
            "Curah hujan di {place} tercatat {small} milimeter dalam sehari, tertinggi sejak {year}.",
            "Warga diminta menjauhi bantaran sungai selama hujan deras masih turun.",
            "Banjir serupa pernah melanda kawasan itu pada {year}.",
        ),
        "quotes": (
            "Air naik sangat cepat, kami hanya sempat menyelamatkan surat-surat penting",
            "Kami mengimbau warga di bantaran sungai untuk segera mengungsi",
            "Stok bantuan untuk pengungsi masih cukup sampai pekan depan",
            "Tim kami terus mencari dua warga yang dilaporkan hilang",
        ),
    },
    "pemilu": {
        "title": "Pemilu daerah",
        "description": "Persiapan pemilihan kepala daerah: KPU, kampanye, logistik surat suara dan pengawasan.",
        "keywords": ["pemilu", "pilkada", "KPU", "kampanye", "surat suara", "pemungutan suara"],
        "entities": [],
        "min_matches": 2,
        "titles": (
            "KPU {province} Mulai Distribusikan Surat Suara",
            "Bawaslu Temukan {num} Pelanggaran Kampanye di {place}",
            "Pilkada {place}: {surname_lead} Janji Perbaiki Layanan Publik",
            "Pemungutan Suara Ulang Digelar di {small} TPS di {place}",
            "{org} Minta Netralitas Aparatur Dijaga Jelang Pilkada",
        ),
        "sentences": (
            "KPU {province} mulai mendistribusikan {num} lembar surat suara ke kecamatan pada {date}.",
            "Bawaslu menemukan {num} dugaan pelanggaran selama masa kampanye di {place}.",
            "{who} mengingatkan aparatur sipil negara untuk menjaga netralitas selama pilkada.",
            "Pemungutan suara ulang digelar di sejumlah TPS di {place} {date}.",
            "Tingkat partisipasi pemilih di {province} pada pemilu {year} mencapai {pct}.",
            "Kampanye terbuka di lapangan kota {place} dihadiri ribuan simpatisan.",
            "Logistik pemilu untuk pulau-pulau terluar dikirim lebih awal karena cuaca.",
            "Sebanyak {num} petugas KPPS di {place} telah menjalani pelatihan.",
            "Sengketa hasil pilkada {place} pernah dibawa ke Mahkamah Konstitusi pada {year}.",
        ),
        "quotes": (
            "Kami memastikan surat suara tiba tepat waktu di setiap TPS",
            "Pelanggaran kampanye akan kami tindak sesuai aturan",
            "Netralitas aparatur adalah syarat pemilu yang jujur dan adil",
            "Partisipasi pemilih muda harus terus ditingkatkan",
        ),
    },
}

# Sentences that fit any theme: context, reactions, background.
GENERAL_SENTENCES = (
    "Sementara itu, {who} mengatakan pihaknya masih menunggu laporan lengkap dari {org}.",
    "Hal itu disampaikan {who} di {place}, {date}.",
    "Rapat koordinasi dengan {org} digelar di kantor gubernur {province} {date}.",
    "Menurut {who}, persoalan serupa sudah dibahas sejak {year}.",
    "Hingga berita ini diturunkan, {org} belum memberikan tanggapan resmi.",
    "Kunjungan kerja ke {place} dijadwalkan berlangsung {date}.",
    "{who} tiba di {place} {date} dan langsung meninjau lokasi.",
    "Warga {place} berharap pemerintah bergerak lebih cepat.",
    "Data {org} menunjukkan kenaikan {pct} dalam tiga tahun terakhir.",
    "Sebelumnya, persoalan ini sempat ramai dibicarakan di media sosial.",
    "Pertemuan lanjutan direncanakan berlangsung di {place2} pada {date}.",
    "{who} menambahkan, evaluasi menyeluruh akan dilakukan setelah laporan diterima.",
    "Di sisi lain, {org} menilai langkah tersebut belum menyentuh akar masalah.",
    "Situasi di {place} dilaporkan berangsur normal pada {daypart} hari.",
    "Tercatat {num} warga ikut dalam pertemuan di balai desa itu.",
    "Pemerintah pusat melalui {org} berjanji mengirim tim tambahan ke {province}.",
    "Rencana itu pertama kali diumumkan pada {year}, tetapi sempat tertunda.",
    "{who} juga meminta masyarakat tidak mudah percaya pada kabar bohong.",
    "Sejak {date}, sedikitnya tiga instansi terlibat dalam penanganan persoalan ini.",
    "Persoalan ini juga menjadi sorotan {org} dalam laporan tahunannya.",
    "Jarak antara {place} dan {place2} biasanya ditempuh dalam waktu {small} menit.",
    "Kebijakan tersebut akan dievaluasi kembali {date}.",
    "Laporan resmi {org} dijadwalkan terbit {date}.",
    "{who} menyebut koordinasi antarinstansi masih perlu diperbaiki.",
    "Sedikitnya {small} orang menghadiri rapat dengar pendapat di gedung DPRD {province}.",
    "Persoalan yang sama pernah dilaporkan ke Ombudsman RI pada {year}.",
    "{who} mengaku sudah dua kali menyurati {org} sejak {date}.",
    "Masyarakat dapat menyampaikan pengaduan melalui posko yang dibuka di {place}.",
    "Anggota DPRD {province} dijadwalkan meninjau {place2} {date}.",
    "Dalam catatan redaksi, kasus serupa terjadi di {place2} pada {year}.",
    "Pemerintah daerah {province} membentuk tim khusus untuk menangani persoalan ini.",
    "Rekaman video kejadian itu beredar luas sejak {date}.",
    "Sejumlah mahasiswa di {place} juga menggelar diskusi terbuka soal persoalan tersebut.",
    "{who} berjanji memberikan penjelasan lengkap dalam jumpa pers {date}.",
)

GENERAL_QUOTES = (
    "Kami akan terus berkoordinasi dengan {org}",
    "Masyarakat tidak perlu panik, situasi terkendali",
    "Kami sudah menyampaikan laporan ini kepada pemerintah pusat",
    "Semua pihak harus duduk bersama mencari jalan keluar",
    "Kami berharap persoalan ini selesai sebelum akhir tahun",
    "Evaluasi akan dilakukan secara menyeluruh",
    "Kami tidak ingin kejadian seperti {year} terulang lagi",
    "Datanya masih kami verifikasi bersama {org}",
    "Kami meminta warga {place} bersabar",
    "Ini pekerjaan bersama, tidak bisa hanya pemerintah",
    "Kami sudah turun langsung ke lapangan sejak {date}",
    "Hasilnya akan kami umumkan secara terbuka",
)

# Prefixed to some sentences, which then start lowercase unless they start with a name.
CONNECTORS = ("Sementara itu, ", "Selain itu, ", "Di sisi lain, ", "Sebelumnya, ", "Dalam kesempatan yang sama, ",
              "Namun, ", "Menurut catatan redaksi, ", "Pada saat yang sama, ")
# First words of templates that are names (kept capitalised after a connector).
PROPER_STARTS = frozenset({"Pelindo", "Bawaslu", "Basarnas", "APBD", "BPK", "BNPB", "BMKG", "KPU", "DPRD"})
# First words of templates that already open with a connector or a time phrase.
NO_CONNECTOR_STARTS = frozenset({"Sementara", "Sebelumnya,", "Di", "Menurut", "Hal", "Hingga", "Dalam", "Sejak"})

# How a quote is attributed; "{q}" is the quote text, "{o}"/"{c}" the outlet's quote marks.
QUOTE_FORMS = (
    "{o}{q},{c} kata {speaker}.",
    "{o}{q},{c} ujar {speaker} di {place}, {date}.",
    "{speaker} mengatakan, {o}{q}.{c}",
    "{o}{q},{c} tutur {speaker} kepada wartawan.",
    "{o}{q},{c} kata {speaker} saat ditemui {daypart} itu.",
)

SUBHEADINGS = ("Tanggapan warga", "Langkah pemerintah", "Latar belakang", "Catatan pengawas",
               "Rencana ke depan", "Kronologi")

LIST_INTROS = ("Beberapa poin penting dari rapat tersebut:", "Sejumlah langkah yang disiapkan pemerintah:")
