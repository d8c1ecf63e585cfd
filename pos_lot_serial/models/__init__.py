# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import pos_config
from . import pos_order_line
from . import pos_pack_operation_lot
from . import product_template
from . import res_config_settings
from . import sale_order_line
from . import stock_lot
from . import stock_move
from . import stock_picking
