# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import test_js_unit
from . import test_lot_endpoints
from . import test_order_sync
from . import test_product_tracking
from . import test_sync_integrity
from . import test_tour_demo_sale
from . import test_tour_entry
from . import test_views
from . import test_tour_backend
